export * from './test-database';
export { createPreparedDatabase, type DatabaseSeed } from './database-templates';
export { testDatabaseUrl, type TestDatabase } from './throwaway-database';
