import { parseUserCommand, UsageError } from './cli-args';

describe('npm run user: command line', () => {
  it('parses create with role, name and wards (email lower-cased)', () => {
    expect(parseUserCommand(['create', '--email', 'Can.Bo@ThaiBinh.gov.vn', '--role', 'ward_editor', '--name', 'Cán bộ phường', '--ward', '13225', '--ward=12452'])).toEqual({
      command: 'create',
      email: 'can.bo@thaibinh.gov.vn',
      role: 'ward_editor',
      name: 'Cán bộ phường',
      wards: ['13225', '12452'],
    });
    expect(parseUserCommand(['set-password', '--email', 'a@b.vn'])).toEqual({ command: 'set-password', email: 'a@b.vn' });
    expect(parseUserCommand(['disable', '--email=a@b.vn'])).toEqual({ command: 'disable', email: 'a@b.vn' });
  });

  it('refuses a password on the command line, whatever the spelling', () => {
    for (const argv of [
      ['create', '--email', 'a@b.vn', '--role', 'admin', '--password', 'x'],
      ['create', '--email', 'a@b.vn', '--role', 'admin', '--password=x'],
      ['set-password', '--email', 'a@b.vn', '--password-stdin', 'x'],
    ]) {
      expect(() => parseUserCommand(argv)).toThrow(/never taken from the command line/);
    }
  });

  it('explains usage errors', () => {
    expect(() => parseUserCommand(['create', '--email', 'a@b.vn'])).toThrow(/--role admin or --role ward_editor/);
    expect(() => parseUserCommand(['create', '--email', 'a@b.vn', '--role', 'ward_editor'])).toThrow(/at least one --ward/);
    expect(() => parseUserCommand(['create', '--email', 'a@b.vn', '--role', 'admin', '--ward', '13225'])).toThrow(/every ward/);
    expect(() => parseUserCommand(['create', '--email', 'not-an-email', '--role', 'admin'])).toThrow(/not an email/);
    expect(() => parseUserCommand(['remove', '--email', 'a@b.vn'])).toThrow(UsageError);
    expect(parseUserCommand([])).toEqual({ command: 'help' });
  });
});
