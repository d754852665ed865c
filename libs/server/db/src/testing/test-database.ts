import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, DatabaseEngine, DatabaseSettings } from '../data-source';

/** Both engines every database test runs against. */
export const TEST_ENGINES: DatabaseEngine[] = ['postgres', 'pglite'];

export const testDatabaseUrl = (): string => process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  engine: DatabaseEngine;
  settings: DatabaseSettings;
  /** Drops the throwaway database (Postgres) or forgets it (PGlite in memory). */
  dispose(): Promise<void>;
}

/**
 * A database of its own for one test file, so files can run in parallel without seeing each other:
 * a fresh database on the Postgres server, or an in-memory PGlite instance.
 */
export async function createTestDatabase(engine: DatabaseEngine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    return { engine, settings: { dataDir: 'memory://' }, dispose: async () => undefined };
  }
  const adminUrl = testDatabaseUrl();
  const name = `pho_so_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    engine,
    settings: { url: url.toString(), dataDir: 'memory://' },
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
export async function createMigratedDataSource(engine: DatabaseEngine): Promise<{ dataSource: DataSource; dispose(): Promise<void> }> {
  const database = await createTestDatabase(engine);
  const dataSource = createDataSource(database.settings);
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    dataSource,
    dispose: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.dispose();
    },
  };
}
