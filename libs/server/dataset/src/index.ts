export * from './dataset-importer';
export * from './demo-city';
export * from './import-summary';
export * from './json-records';
export * from './upsert';
