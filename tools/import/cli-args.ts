import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_VALID_FROM, IMPORT_KINDS, isImportKind, KINDS, type ImportKind, type ImportOptionName, type ImportOptions } from './kinds';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type Command = { command: 'help' } | { command: 'import'; kind: ImportKind; path: string; options: ImportOptions };

const FLAG: Record<ImportOptionName, string> = {
  validFrom: '--valid-from',
  source: '--source',
  licence: '--licence',
  attribution: '--attribution',
  wardCodes: '--ward',
};

export const USAGE = `Usage: npm run import -- <kind> <file> [options]

Kinds:
${IMPORT_KINDS.map((k) => `  ${k.padEnd(16)}${KINDS[k].describe}`).join('\n')}

Options:
  --valid-from YYYY-MM-DD   admin-units: first day of validity (default ${DEFAULT_VALID_FROM})
  --source TEXT             admin-units, service-points: provenance source (service-points: for rows
                            whose source cell is empty)
  --licence TEXT            admin-units, service-points: provenance licence (same rule)
  --attribution TEXT        admin-units, service-points: attribution line to show with the data
  --ward CODE[;CODE...]     streets: GSO ward code(s) for features without pho_so:ward_codes
  -h, --help                this text

The whole file is checked and written in one transaction: one bad record and nothing is written.
Pending database migrations are applied first. Exit codes: 0 imported, 1 rejected or failed, 2 usage.
See tools/import/README.md.`;

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Reads the command line (without node and script). Throws `UsageError` for anything it cannot run. */
export function parseCommandLine(argv: string[]): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const [kind, path, ...extra] = positionals;
  if (kind === undefined) throw new UsageError('missing <kind> and <file>');
  if (!isImportKind(kind)) throw new UsageError(`unknown kind "${kind}"; expected one of ${IMPORT_KINDS.join(', ')}`);
  if (path === undefined) throw new UsageError(`missing <file> to import as ${kind}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (!isFile(path)) throw new UsageError(`no such file: ${path}`);

  const options: ImportOptions = {};
  if (values['valid-from'] !== undefined) {
    if (!isRealDate(values['valid-from'])) throw new UsageError(`--valid-from expects a date as YYYY-MM-DD, got "${values['valid-from']}"`);
    options.validFrom = values['valid-from'];
  }
  for (const name of ['source', 'licence', 'attribution'] as const) {
    const value = values[name]?.trim();
    if (value === '') throw new UsageError(`--${name} must not be empty`);
    if (value !== undefined) options[name] = value;
  }
  if (values.ward !== undefined) {
    const codes = values.ward.flatMap((v) => v.split(/[;,]/)).map((c) => c.trim()).filter((c) => c !== '');
    const bad = codes.find((c) => !/^\d{5}$/.test(c));
    if (bad !== undefined || codes.length === 0) throw new UsageError(`--ward expects 5-digit GSO ward codes such as 13225, got "${bad ?? values.ward.join(';')}"`);
    options.wardCodes = [...new Set(codes)];
  }
  const accepted = KINDS[kind].options;
  const stray = (Object.keys(options) as ImportOptionName[]).find((name) => !accepted.includes(name));
  if (stray !== undefined) throw new UsageError(`${FLAG[stray]} does not apply to ${kind}`);
  return { command: 'import', kind, path, options };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      'valid-from': { type: 'string' },
      source: { type: 'string' },
      licence: { type: 'string' },
      attribution: { type: 'string' },
      ward: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
