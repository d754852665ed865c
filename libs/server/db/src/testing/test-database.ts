import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource, DatabaseEngine, DatabaseSettings } from '../data-source';
import { createPreparedDatabase, testDatabaseUrl, withClient, type DatabaseSeed } from './database-templates';

/** Both engines every database test runs against. */
export const TEST_ENGINES: DatabaseEngine[] = ['postgres', 'pglite'];

export interface TestDatabase {
  engine: DatabaseEngine;
  settings: DatabaseSettings;
  /** The environment a process (API, CLI) needs to open this same database through its config. */
  env: { DATABASE_URL?: string; DATA_DIR?: string };
  /** Drops the throwaway database (Postgres) or forgets it (PGlite in memory). */
  dispose(): Promise<void>;
}

/**
 * An empty database of its own for one test file, so files can run in parallel without seeing each
 * other: a fresh database on the Postgres server, or a PGlite instance in memory or, with `onDisk`,
 * in a temporary folder that another process (or a later connection) can open. For tests of the
 * migrations themselves; other tests take a migrated one (below).
 */
export async function createTestDatabase(engine: DatabaseEngine, { onDisk = false } = {}): Promise<TestDatabase> {
  if (engine === 'pglite') {
    if (!onDisk) return { engine, settings: { dataDir: 'memory://' }, env: {}, dispose: async () => undefined };
    const root = mkdtempSync(join(tmpdir(), 'pho-so-pglite-'));
    return {
      engine,
      settings: { dataDir: join(root, 'pglite') },
      env: { DATA_DIR: root },
      dispose: async () => rmSync(root, { recursive: true, force: true }),
    };
  }
  const adminUrl = testDatabaseUrl();
  const name = `pho_so_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    engine,
    settings: { url: url.toString(), dataDir: 'memory://' },
    env: { DATABASE_URL: url.toString() },
    dispose: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
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
