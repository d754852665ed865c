// `npm run migrate`: applies pending migrations to the configured database (Postgres when
// DATABASE_URL is set, else PGlite under DATA_DIR). With --demo-if-empty it then loads the demo
// city from DEMO_DATA_DIR, but only into a database that holds no administrative units yet, so it
// never mixes demo records into real data. The compose `migrate` service and `npm start` run this.
import { resolve } from 'node:path';
import { loadConfig } from '@pho-so/server/config';
import { AdministrativeUnitEntity, createDataSource, databaseSettingsFromConfig, engineOf } from '@pho-so/server/db';
import { ImportRejected, loadDemoCity, type ImportSummary } from '@pho-so/server/dataset';

export function formatSummary(s: ImportSummary): string {
  return `${s.kind}: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const settings = databaseSettingsFromConfig(config);
  const dataSource = createDataSource(settings);
  const started = Date.now();
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    console.log(`migrate: ${applied.length} migration(s) applied on ${engineOf(settings)}${applied.map((m) => `\n  - ${m.name}`).join('')}`);
    if (process.argv.includes('--demo-if-empty') && config.LOAD_DEMO_DATA) {
      const units = await dataSource.getRepository(AdministrativeUnitEntity).count();
      if (units > 0) {
        console.log(`demo city: not loaded, the database already holds ${units} administrative units`);
      } else {
        const dataDir = resolve(config.DEMO_DATA_DIR);
        const summaries = await dataSource.transaction((manager) => loadDemoCity(manager, dataDir));
        console.log(`demo city loaded from ${dataDir}`);
        for (const summary of summaries) console.log(`  ${formatSummary(summary)}`);
      }
    }
    console.log(`migrate: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ImportRejected) console.error(`demo city rejected: ${error.message}`);
  else console.error(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
