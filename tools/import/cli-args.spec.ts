import { parseCommandLine, UsageError } from './cli-args';
import { fixture } from './testing/paths';

const csv = fixture('hung-yen-city-wards.csv');
const usage = (argv: string[]) => {
  try {
    parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a UsageError');
};

describe('parseCommandLine', () => {
  it('reads kind, file and the options of that kind', () => {
    expect(parseCommandLine(['admin-units', csv, '--valid-from', '2025-07-01', '--source=dvhcvn', '--licence', 'MIT'])).toEqual({
      command: 'import',
      kind: 'admin-units',
      path: csv,
      options: { validFrom: '2025-07-01', source: 'dvhcvn', licence: 'MIT' },
    });
    expect(parseCommandLine(['streets', csv, '--ward', '13225;12452', '--ward', '12454'])).toMatchObject({ options: { wardCodes: ['13225', '12452', '12454'] } });
    expect(parseCommandLine(['--help'])).toEqual({ command: 'help' });
  });

  it.each([
    [[], 'missing <kind> and <file>'],
    [['plates', csv], 'unknown kind "plates"; expected one of admin-units, streets, service-points, procedures'],
    [['procedures'], 'missing <file> to import as procedures'],
    [['procedures', 'no/such/file.json'], 'no such file: no/such/file.json'],
    [['procedures', csv, 'extra'], 'unexpected argument "extra"'],
    [['admin-units', csv, '--valid-from', '2025-02-30'], '--valid-from expects a date as YYYY-MM-DD, got "2025-02-30"'],
    [['admin-units', csv, '--source', ' '], '--source must not be empty'],
    [['streets', csv, '--ward', 'Thái Bình'], '--ward expects 5-digit GSO ward codes such as 13225, got "Thái Bình"'],
    [['admin-units', csv, '--ward', '13225'], '--ward does not apply to admin-units'],
    [['procedures', csv, '--licence', 'MIT'], '--licence does not apply to procedures'],
    [['procedures', csv, '--dry-run'], "Unknown option '--dry-run'"],
  ])('refuses %j', (argv, message) => {
    expect(usage(argv)).toContain(message);
  });
});
