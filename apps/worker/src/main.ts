import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@pho-so/server/config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.REDIS_URL) {
    console.error('The worker needs REDIS_URL. Without Redis, jobs run inside the API process and no worker is needed.');
    process.exit(2);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: false });
  // SIGTERM/SIGINT close the consumer, which lets the job in flight finish before exiting.
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
