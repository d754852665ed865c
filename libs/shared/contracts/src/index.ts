export * from './dataset/provenance';
export * from './dataset/records';
