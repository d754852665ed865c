import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DatabaseEngine, DatabaseSettings } from '../data-source';

/** A database that belongs to one test file, and how to throw it away. */
export interface TestDatabase {
  engine: DatabaseEngine;
  settings: DatabaseSettings;
  /** The environment a process (API, CLI) needs to open this same database through its config. */
  env: { DATABASE_URL?: string; DATA_DIR?: string };
  /** Drops the throwaway database (Postgres) or deletes its folder (PGlite; in memory: forgets it). */
  dispose(): Promise<void>;
}

export const testDatabaseUrl = (): string => process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A name on the test server that no other file or run uses. */
export const throwawayDatabaseName = (): string => `pho_so_t_${process.pid}_${randomBytes(4).toString('hex')}`;

/** The database `name`, already created on the test server, as a TestDatabase that drops it. */
export function postgresTestDatabase(name: string): TestDatabase {
  const adminUrl = testDatabaseUrl();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    settings: { url: url.toString(), dataDir: 'memory://' },
    env: { DATABASE_URL: url.toString() },
    dispose: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A new temporary folder for a PGlite database (`settings.dataDir`, not created yet), deleted by dispose. */
export function pgliteFolderTestDatabase(): TestDatabase {
  const root = mkdtempSync(join(tmpdir(), 'pho-so-pglite-'));
  return {
    engine: 'pglite',
    settings: { dataDir: join(root, 'pglite') },
    env: { DATA_DIR: root },
    dispose: async () => rmSync(root, { recursive: true, force: true }),
  };
}
