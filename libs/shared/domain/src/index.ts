export * from './text/fold-vietnamese';
export * from './plates/plate-code';
export * from './procedures/processing-time';
