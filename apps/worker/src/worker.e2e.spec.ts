import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@pho-so/server/config';
import { createMigratedDataSource } from '@pho-so/server/db/testing';
import { QueueConsumerService } from './queue-consumer.service';
import { WorkerModule } from './worker.module';

// Integration: the worker context against the real Postgres and Redis.
describe('worker', () => {
  it('starts consuming the queue and stops cleanly', async () => {
    const db = await createMigratedDataSource('postgres');
    await db.dataSource.destroy();
    const config = loadConfig({ NODE_ENV: 'test', ...db.database.env, REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379' });
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
    await app.init();
    expect(app.get(QueueConsumerService).isRunning).toBe(true);
    await app.close();
    expect(app.get(QueueConsumerService).isRunning).toBe(false);
    await db.dispose();
  }, 60_000);
});
