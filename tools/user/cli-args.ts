// Command line of `npm run user`: which subcommand, which account. Passwords are never accepted here.
export const USAGE = `Usage: npm run user -- <command> [options]

Commands:
  create --email <email> --role <admin|ward_editor> [--name "<display name>"] [--ward <GSO code> ...]
      create an account; a ward_editor needs at least one --ward (current ward code, e.g. 13225)
  set-password --email <email>
      set a new password; every session of the account ends
  disable --email <email>
      disable the account (it can no longer log in); every session of it ends

The password is read from the terminal (not shown) or, when piped, from the first line of standard
input, e.g.  printf '%s\\n' "$PASSWORD" | npm run user -- create --email a@b.vn --role admin
It is never taken from the command line, where other users and the shell history could read it.
Passwords: 12 to 256 characters, not on the list of common passwords.`;

export class UsageError extends Error {}

export type UserCommand =
  | { command: 'help' }
  | { command: 'create'; email: string; role: 'admin' | 'ward_editor'; name: string | null; wards: string[] }
  | { command: 'set-password'; email: string }
  | { command: 'disable'; email: string };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function parseUserCommand(argv: readonly string[]): UserCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  const options: Record<string, string[]> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? (eq > 0 ? arg.slice(2, eq) : arg.slice(2)) : null;
    if (name === null) throw new UsageError(`unexpected argument "${arg}"`);
    if (name === 'password' || name.startsWith('password')) {
      throw new UsageError('passwords are never taken from the command line: type it when asked, or pipe it to standard input');
    }
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    (options[name] ??= []).push(value);
  }
  const allowed: Record<string, string[]> = { create: ['email', 'role', 'name', 'ward'], 'set-password': ['email'], disable: ['email'] };
  const known = allowed[command];
  if (!known) throw new UsageError(`unknown command "${command}"`);
  for (const name of Object.keys(options)) {
    if (!known.includes(name)) throw new UsageError(`${command} takes no --${name}`);
    if (name !== 'ward' && options[name]!.length > 1) throw new UsageError(`--${name} given twice`);
  }
  const email = options['email']?.[0]?.trim().toLowerCase();
  if (!email) throw new UsageError(`${command} needs --email`);
  if (!EMAIL.test(email) || email.length > 254) throw new UsageError(`--email "${email}" is not an email address`);
  if (command === 'set-password' || command === 'disable') return { command, email };
  const role = options['role']?.[0];
  if (role !== 'admin' && role !== 'ward_editor') throw new UsageError('create needs --role admin or --role ward_editor');
  const wards = options['ward'] ?? [];
  for (const ward of wards) if (!/^\d{2,5}$/.test(ward)) throw new UsageError(`--ward "${ward}" is not a GSO code (2 to 5 digits)`);
  if (role === 'admin' && wards.length > 0) throw new UsageError('an admin has every ward: leave out --ward');
  if (role === 'ward_editor' && wards.length === 0) throw new UsageError('a ward_editor needs at least one --ward <GSO code>');
  const name = options['name']?.[0]?.trim() || null;
  return { command: 'create', email, role, name, wards };
}
