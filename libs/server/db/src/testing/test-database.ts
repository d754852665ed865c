import type { DataSource } from 'typeorm';
import { createDataSource, DatabaseEngine } from '../data-source';
import { createPreparedDatabase, type DatabaseSeed } from './database-templates';
import { pgliteFolderTestDatabase, postgresTestDatabase, testDatabaseUrl, throwawayDatabaseName, withClient, type TestDatabase } from './throwaway-database';

/** Both engines every database test runs against. */
export const TEST_ENGINES: DatabaseEngine[] = ['postgres', 'pglite'];

/**
 * An empty database of its own for one test file, so files can run in parallel without seeing each
 * other: a fresh database on the Postgres server, or a PGlite instance in memory or, with `onDisk`,
 * in a temporary folder that another process (or a later connection) can open. For tests of the
 * migrations themselves; other tests take a migrated one (below).
 */
export async function createTestDatabase(engine: DatabaseEngine, { onDisk = false } = {}): Promise<TestDatabase> {
  if (engine === 'pglite') {
    if (onDisk) return pgliteFolderTestDatabase();
    return { engine, settings: { dataDir: 'memory://' }, env: {}, dispose: async () => undefined };
  }
  const name = throwawayDatabaseName();
  await withClient(testDatabaseUrl(), (client) => client.query(`CREATE DATABASE "${name}"`));
  return postgresTestDatabase(name);
}

/**
 * A database of its own with every migration applied and, with `seed`, the seed's rows (the demo
 * city, say), open and ready. Copied from a template built once per content and machine
 * (database-templates.ts); PGlite's copy is a temporary folder, which another process can open
 * through `database.env`.
 */
export async function createMigratedDataSource(
  engine: DatabaseEngine,
  { seed }: { seed?: DatabaseSeed } = {},
): Promise<{ dataSource: DataSource; database: TestDatabase; dispose(): Promise<void> }> {
  const database = await createPreparedDatabase(engine, seed);
  const dataSource = createDataSource(database.settings);
  try {
    await dataSource.initialize();
    // Nothing to run on a current template; a migration the fingerprint missed would still run here.
    await dataSource.runMigrations();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.dispose();
    throw error;
  }
  return {
    dataSource,
    database,
    dispose: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.dispose();
    },
  };
}
