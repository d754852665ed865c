import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@pho-so/server/config';
import { createLogger, maskUrlCredentials, type Logger as PinoLogger } from '@pho-so/server/logging';
import { exitOnShutdownSignals, PinoNestLogger } from '@pho-so/server/nest';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.REDIS_URL) {
    console.error('The worker needs REDIS_URL. Without Redis, jobs run inside the API process and no worker is needed.');
    process.exit(2);
  }
  const logger = createLogger({ service: 'worker', level: config.LOG_LEVEL });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: new PinoNestLogger(logger) }).catch(
    (error: unknown) => failedToStart(logger, error),
  );
  // SIGTERM/SIGINT close the consumer, which lets the job in flight finish, then exit with code 0
  // (a second signal meanwhile is ignored). 100 s: under compose's stop_grace_period of 2 min.
  exitOnShutdownSignals(app, { timeoutMs: 100_000, logger: new Logger('worker') });
}

function failedToStart(logger: PinoLogger, error: unknown): never {
  logger.fatal({ context: 'worker', err: error }, 'the worker could not start');
  process.exit(1);
}

main().catch((error: unknown) => {
  // Before the logger exists (a configuration error): plain text on stderr for whoever started the
  // process, naming the variable, never its value.
  console.error(maskUrlCredentials(error instanceof Error ? error.message : String(error)));
  process.exit(1);
});
