/**
 * The opening-hours package reads Dates in the process's local time; our functions must not. Jest keeps
 * its own copy of process.env, so changing TZ inside a test changes nothing: instead the same cases run in
 * child Node processes started with other TZ values (compiling the TypeScript sources with SWC, as Jest
 * does), and must give exactly the results of this process.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { openingStatusCases } from './time-zone-cases';

const ZONES = [
  'America/New_York', // UTC−5/−4, with daylight saving (starts 9 March 2025, ends 2 November 2025)
  'Pacific/Kiritimati', // UTC+14: a different calendar day from Vietnam for 7 hours of every day
  'Pacific/Pago_Pago', // UTC−11
];

const REGISTER_TYPESCRIPT = `
require.extensions['.ts'] = (module, filename) => {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  const { code } = require('@swc/core').transformSync(source, {
    filename, swcrc: false,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};`;

function casesInTimeZone(timeZone: string): unknown {
  const casesModule = join(__dirname, 'time-zone-cases.ts');
  const script = `${REGISTER_TYPESCRIPT}
    const { openingStatusCases } = require(${JSON.stringify(casesModule)});
    const offset = new Date(2025, 0, 1).getTimezoneOffset();
    process.stdout.write(JSON.stringify({ offset, results: openingStatusCases() }));`;
  const output = execFileSync(process.execPath, ['-e', script], {
    env: { PATH: process.env['PATH'] ?? '', TZ: timeZone },
    cwd: join(__dirname, '..', '..', '..', '..', '..'),
    encoding: 'utf8',
  });
  return JSON.parse(output);
}

describe('results do not depend on the process time zone', () => {
  const here = openingStatusCases();

  it('the cases cover midnight in Hà Nội, Tết, a make-up Saturday and a night shift', () => {
    expect(here.length).toBeGreaterThanOrEqual(20);
  });

  it.each(ZONES)('TZ=%s gives the same results as this process', (timeZone) => {
    const { offset, results } = casesInTimeZone(timeZone) as { offset: number; results: unknown };
    expect(offset).not.toBe(new Date(2025, 0, 1).getTimezoneOffset()); // the child really ran in another zone
    expect(results).toEqual(here);
  });
});
