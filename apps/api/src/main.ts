import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@pho-so/server/config';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.API_PORT, config.API_HOST);
  new Logger('api').log(`listening on http://${config.API_HOST}:${config.API_PORT}/api (docs at /api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
