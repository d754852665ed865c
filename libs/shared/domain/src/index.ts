export * from './text/fold-vietnamese';
