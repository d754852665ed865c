// `npm run user -- <create|set-password|disable> ...`: officials' accounts in the configured database
// (DATABASE_URL, or PGlite under DATA_DIR), migrated first. Passwords come from the terminal without
// echo, or from piped standard input, never from argv. See USAGE in cli-args.ts.
import { ConfigError, loadConfig } from '@pho-so/server/config';
import { createDataSource, databaseSettingsFromConfig } from '@pho-so/server/db';
import { parseUserCommand, USAGE, UsageError, type UserCommand } from './cli-args';
import { readNewPassword } from './read-password';
import { createUser, disableUser, setPassword, UserCommandRefused } from './user-service';

async function main(argv: string[]): Promise<number> {
  let command: UserCommand;
  try {
    command = parseUserCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`user: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.command === 'help') {
    console.log(USAGE);
    return 0;
  }
  try {
    const password = command.command === 'disable' ? '' : await readNewPassword();
    const dataSource = createDataSource(databaseSettingsFromConfig(loadConfig()));
    await dataSource.initialize();
    try {
      const migrations = await dataSource.runMigrations();
      if (migrations.length > 0) console.error(`user: applied ${migrations.length} pending migration(s)`);
      if (command.command === 'create') {
        const official = await createUser(dataSource, { ...command, password });
        console.log(`user: created ${official.role} ${official.email} (${official.id})`);
      } else if (command.command === 'set-password') {
        await setPassword(dataSource, command.email, password);
        console.log(`user: new password set for ${command.email}; its sessions have ended`);
      } else {
        await disableUser(dataSource, command.email);
        console.log(`user: ${command.email} disabled; its sessions have ended`);
      }
    } finally {
      await dataSource.destroy();
    }
    return 0;
  } catch (error) {
    // Never print the error of an unknown kind whole: nothing here may echo a password.
    if (error instanceof UserCommandRefused || error instanceof ConfigError) console.error(`user: ${error.message}`);
    else console.error(`user: failed, nothing changed: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  () => (process.exitCode = 1),
);
