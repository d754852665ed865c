// `npm run import -- <kind> <file> [options]`: imports one dataset file into the configured database
// (DATABASE_URL, or PGlite under DATA_DIR). See tools/import/README.md.
import { ConfigError, loadConfig } from '@pho-so/server/config';
import { createDataSource, databaseSettingsFromConfig } from '@pho-so/server/db';
import { emptySummary, ImportRejected } from '@pho-so/server/dataset';
import { parseCommandLine, USAGE, UsageError } from './cli-args';
import { formatSummary, ImportService } from './import-service';
import { shortMessage } from './short-message';

async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`import: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const { kind, path, options } = command;
  try {
    const parsed = ImportService.parse(kind, path, options);
    const dataSource = createDataSource(databaseSettingsFromConfig(loadConfig()));
    await dataSource.initialize();
    try {
      const migrations = await dataSource.runMigrations();
      if (migrations.length > 0) console.error(`import: applied ${migrations.length} pending migration(s): ${migrations.map((m) => m.name).join(', ')}`);
      console.log(formatSummary(await new ImportService(dataSource).store(parsed)));
    } finally {
      await dataSource.destroy();
    }
    return 0;
  } catch (error) {
    if (error instanceof ImportRejected) {
      console.error(error.message);
      console.log(`${formatSummary({ ...emptySummary(kind), rejected: 1 })}; nothing written`);
    } else if (error instanceof ConfigError) {
      console.error(`import: ${error.message}`);
    } else {
      console.error(`import: ${kind} ${path} failed, nothing written: ${shortMessage(error)}`);
    }
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`import: ${shortMessage(error)}`);
    process.exitCode = 1;
  },
);
