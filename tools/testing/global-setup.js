// Runs once before the whole test run. Integration tests need the real PostgreSQL and Redis: if either
// is down, stop at once with a message that says which one and how to start it, instead of letting
// every test time out one by one.
const { Client } = require('pg');
const Redis = require('ioredis');
const { randomBytes } = require('node:crypto');

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function checkPostgres() {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${databaseUrl} (${error.message}).\n` +
        `Start it (on the dev machines: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)\n` +
        `or point TEST_DATABASE_URL at a server where the user may CREATE DATABASE.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis() {
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Redis is not reachable at ${redisUrl} (${error.message}).\n` +
        `Start it (on the dev machines: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no)\n` +
        `or point TEST_REDIS_URL at a running Redis.`,
    );
  } finally {
    redis.disconnect();
  }
}

module.exports = async function globalSetup() {
  await Promise.all([checkPostgres(), checkRedis()]);
  // Every key a test writes starts with this prefix, so parallel runs never see each other's keys.
  process.env.TEST_REDIS_PREFIX = `test:${Date.now().toString(36)}${randomBytes(3).toString('hex')}:`;
  process.env.TEST_REDIS_URL = redisUrl;
  process.env.TEST_DATABASE_URL = databaseUrl;
};
