export * from './test-database';
export { createPreparedDatabase, testDatabaseUrl, type DatabaseSeed } from './database-templates';
