// `npm run migrate`: applies pending migrations to the configured database (Postgres when
// DATABASE_URL is set, else PGlite under DATA_DIR). With --demo-if-empty it then loads the demo
// city from DEMO_DATA_DIR, but only into a database that holds no administrative units yet, so it
// never mixes demo records into real data. The compose `migrate` service and `npm start` run this.
//
// Output: JSON lines (service "migrate") like the API and the worker, since it runs beside them in
// compose and its lines go to the same log store. A configuration error is the exception: there is no
// logger yet (LOG_LEVEL is configuration too), so it is plain text on stderr for the operator.
import { resolve } from 'node:path';
import { loadConfig, type AppConfig } from '@pho-so/server/config';
import { AdministrativeUnitEntity, createDataSource, databaseSettingsFromConfig, engineOf } from '@pho-so/server/db';
import { ImportRejected, loadDemoCity, type ImportSummary } from '@pho-so/server/dataset';
import { createLogger, maskUrlCredentials, type Logger } from '@pho-so/server/logging';

export function formatSummary(s: ImportSummary): string {
  return `${s.kind}: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected`;
}

async function migrate(config: AppConfig, logger: Logger): Promise<void> {
  const settings = databaseSettingsFromConfig(config);
  const dataSource = createDataSource(settings);
  const started = Date.now();
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    const engine = engineOf(settings);
    logger.info({ engine, applied: applied.map((m) => m.name) }, `${applied.length} migration(s) applied on ${engine}`);
    if (process.argv.includes('--demo-if-empty') && config.LOAD_DEMO_DATA) {
      const units = await dataSource.getRepository(AdministrativeUnitEntity).count();
      if (units > 0) {
        logger.info(`demo city: not loaded, the database already holds ${units} administrative units`);
      } else {
        const dataDir = resolve(config.DEMO_DATA_DIR);
        const summaries = await dataSource.transaction((manager) => loadDemoCity(manager, dataDir));
        logger.info({ dataDir }, `demo city loaded from ${dataDir}`);
        for (const summary of summaries) logger.info({ summary }, formatSummary(summary));
      }
    }
    logger.info(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ service: 'migrate', level: config.LOG_LEVEL });
  try {
    await migrate(config, logger);
  } catch (error) {
    if (error instanceof ImportRejected) logger.fatal(`demo city rejected: ${error.message}`);
    else logger.fatal({ err: error }, `migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(`migrate failed: ${maskUrlCredentials(error instanceof Error ? error.message : String(error))}`);
  process.exit(1);
});
