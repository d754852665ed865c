export * from './text/fold-vietnamese';
export * from './plates/plate-code';
export * from './procedures/processing-time';
export * from './procedures/filing-places';
export * from './geo/walking';
export * from './geo/directions';
export * from './geo/line-midpoint';
