import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '@pho-so/server/config';
import { createDataSource, type DatabaseEngine } from '@pho-so/server/db';
import { createPreparedDatabase } from '@pho-so/server/db/testing';
import { demoCitySeed } from '@pho-so/server/dataset/testing';
import { createApiApp } from '../bootstrap';

export const DEMO_DATA_DIR = join(__dirname, '../../../../data');

export interface TestApi {
  app: NestFastifyApplication;
  /** http://127.0.0.1:<port> */
  base: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The real API over HTTP on a random local port, on a fresh migrated database of `engine` with the
 * demo city loaded, and on the real Redis when `redis` is set. For integration tests.
 */
export async function startTestApi(
  engine: DatabaseEngine,
  {
    redis = false,
    env = {},
    beforeStart,
  }: {
    redis?: boolean;
    env?: Record<string, string>;
    /** Runs on the migrated database with the demo city before the API starts (e.g. rows a crashed API left). */
    beforeStart?: (dataSource: DataSource) => Promise<void>;
  } = {},
): Promise<TestApi> {
  const database = await createPreparedDatabase(engine, demoCitySeed(DEMO_DATA_DIR));
  if (beforeStart) {
    const dataSource = createDataSource(database.settings);
    await dataSource.initialize();
    try {
      await beforeStart(dataSource);
    } finally {
      await dataSource.destroy(); // the app opens its own connection
    }
  }
  const config: AppConfig = loadConfig({
    NODE_ENV: 'test',
    ...database.env,
    ...(redis ? { REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379' } : {}),
    RATE_LIMIT_PER_MINUTE: '100000',
    // Keys of this test only, so runs and files never share counters or queues.
    REDIS_KEY_PREFIX: `${process.env['TEST_REDIS_PREFIX'] ?? 'test:'}${randomBytes(4).toString('hex')}:`,
    ...env,
  });
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    app,
    base,
    get: (path, init) => fetch(`${base}${path}`, init),
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
