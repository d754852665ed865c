import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '@pho-so/server/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { lockPgliteFolder } from './pglite-lock';

export type DatabaseEngine = 'postgres' | 'pglite';

export interface DatabaseSettings {
  /** Postgres server URL; when absent the embedded PGlite engine is used. */
  url?: string;
  /** PGlite data folder, or `memory://` for a throwaway in-memory database. */
  dataDir: string;
  logging?: boolean;
}

export function databaseSettingsFromConfig(config: Pick<AppConfig, 'DATABASE_URL' | 'DATA_DIR'>): DatabaseSettings {
  return { url: config.DATABASE_URL, dataDir: resolve(config.DATA_DIR, 'pglite') };
}

export function engineOf(settings: DatabaseSettings): DatabaseEngine {
  return settings.url ? 'postgres' : 'pglite';
}

/**
 * TypeORM options for either engine. Both speak the same Postgres dialect, run the same migrations
 * and the same SQL; PGlite is real Postgres compiled to WASM, loaded with the same contrib
 * extensions the server has (pg_trgm, unaccent, cube, earthdistance).
 */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    // Extensions are created by a migration, not at connect time: the app's role need not be a superuser.
    installExtensions: false,
    // gen_random_uuid() is built into Postgres 13+ and PGlite; uuid-ossp is not available in PGlite.
    uuidExtension: 'pgcrypto' as const,
    logging: settings.logging ?? false,
  };
  if (settings.url) {
    return { ...common, url: settings.url, extra: { max: 10, application_name: 'pho-so' } };
  }
  // Loaded lazily: the WASM engine is only paid for when it is used.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PGliteDriver } = require('typeorm-pglite') as typeof import('typeorm-pglite');
  if (!settings.dataDir.startsWith('memory://')) {
    mkdirSync(settings.dataDir, { recursive: true });
    lockPgliteFolder(settings.dataDir);
  }
  return {
    ...common,
    driver: new PGliteDriver({ dataDir: settings.dataDir, extensions: pgliteExtensions() }).driver,
  };
}

function pgliteExtensions() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    pg_trgm: require('@electric-sql/pglite/contrib/pg_trgm').pg_trgm,
    unaccent: require('@electric-sql/pglite/contrib/unaccent').unaccent,
    cube: require('@electric-sql/pglite/contrib/cube').cube,
    earthdistance: require('@electric-sql/pglite/contrib/earthdistance').earthdistance,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

export function createDataSource(settings: DatabaseSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
