import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig, type AppConfig } from '@pho-so/server/config';
import { exitOnShutdownSignals } from '@pho-so/server/nest';
import { createLogger, maskUrlCredentials } from '@pho-so/server/logging';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    // No logger yet (LOG_LEVEL is configuration too), and whoever started the process has to read
    // this: plain text on stderr, naming the variable (never its value).
    console.error(maskUrlCredentials(error instanceof Error ? error.message : String(error)));
    process.exit(1);
  }
  const logger = createLogger({ service: 'api', level: config.LOG_LEVEL });
  try {
    const app = await createApiApp(config, { logger });
    // SIGTERM/SIGINT: stop listening, write the scan counts, close; exit code 0. 25 s: under compose's 30 s grace.
    exitOnShutdownSignals(app, { timeoutMs: 25_000, logger: new Logger('api') });
    await app.listen(config.API_PORT, config.API_HOST);
    logger.info({ context: 'api' }, `listening on http://${config.API_HOST}:${config.API_PORT}/api (docs at /api/docs)`);
  } catch (error) {
    logger.fatal({ context: 'api', err: error }, 'the API could not start');
    process.exit(1);
  }
}

void main();
