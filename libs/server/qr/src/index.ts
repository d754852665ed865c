export * from './asset';
export * from './matrix';
export * from './payload';
export * from './pdf';
export * from './png';
export * from './render';
export * from './svg';
export * from './verify';
