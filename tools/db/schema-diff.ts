// Prints the SQL that would bring the configured database in line with the entities, one statement
// per line; exits 1 when there is any. Use it to draft a new migration (then review it by hand),
// and in CI as the drift check's manual twin.
import { loadConfig } from '@pho-so/server/config';
import { createDataSource, databaseSettingsFromConfig, pendingSchemaChanges } from '@pho-so/server/db';

async function main(): Promise<void> {
  const dataSource = createDataSource(databaseSettingsFromConfig(loadConfig()));
  await dataSource.initialize();
  try {
    if (process.argv.includes('--migrate')) await dataSource.runMigrations();
    const changes = await pendingSchemaChanges(dataSource);
    for (const sql of changes) console.log(`${sql};`);
    process.exitCode = changes.length > 0 ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
