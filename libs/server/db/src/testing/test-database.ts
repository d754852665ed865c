import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, DatabaseEngine, DatabaseSettings } from '../data-source';

/** Both engines every database test runs against. */
export const TEST_ENGINES: DatabaseEngine[] = ['postgres', 'pglite'];

export const testDatabaseUrl = (): string => process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  engine: DatabaseEngine;
  settings: DatabaseSettings;
  /** The environment a process (API, CLI) needs to open this same database through its config. */
  env: { DATABASE_URL?: string; DATA_DIR?: string };
  /** Drops the throwaway database (Postgres) or forgets it (PGlite in memory). */
  dispose(): Promise<void>;
}

/**
 * A database of its own for one test file, so files can run in parallel without seeing each other:
 * a fresh database on the Postgres server, or a PGlite instance in memory or, with `onDisk`, in a
 * temporary folder that another process (or a later connection) can open.
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
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    engine,
    settings: { url: url.toString(), dataDir: 'memory://' },
    env: { DATABASE_URL: url.toString() },
    dispose: () => withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdminClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database with every migration applied, and a way to throw it away. */
export async function createMigratedDataSource(
  engine: DatabaseEngine,
  options: { onDisk?: boolean } = {},
): Promise<{ dataSource: DataSource; database: TestDatabase; dispose(): Promise<void> }> {
  const database = await createTestDatabase(engine, options);
  const dataSource = createDataSource(database.settings);
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    dataSource,
    database,
    dispose: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.dispose();
    },
  };
}
