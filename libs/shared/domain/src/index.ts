export * from './text/fold-vietnamese';
export * from './plates/plate-code';
