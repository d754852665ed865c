import { compileOpeningHours, OpeningHoursError } from './compile-opening-hours';
import { validateOpeningHours } from './validate-opening-hours';

const WEEKDAYS_AND_SATURDAY = 'Mo-Fr 07:30-11:30,13:30-17:00; Sa 07:30-11:30';

describe('validateOpeningHours', () => {
  it('accepts the usual hours of a service centre, without warnings', () => {
    expect(validateOpeningHours(WEEKDAYS_AND_SATURDAY)).toEqual({ ok: true, normalized: WEEKDAYS_AND_SATURDAY, warnings: [] });
  });

  it('normalises what the parser can read unambiguously', () => {
    expect(validateOpeningHours('Mo-Fr 7:30-11:30, 13:30-17:00')).toMatchObject({
      ok: true,
      normalized: 'Mo-Fr 07:30-11:30,13:30-17:00',
    });
  });

  it('says where a syntax error is, in Vietnamese and English', () => {
    const result = validateOpeningHours('Mo-Fx 07:30-11:30');
    expect(result).toMatchObject({ ok: false, problem: { code: 'syntax', position: 4 } });
    if (result.ok) throw new Error('expected a problem');
    expect(result.message.vi).toMatch(/^Giờ mở cửa chưa đúng cú pháp OpenStreetMap ở ký tự thứ 5/);
    expect(result.message.en).toMatch(/^Not valid OpenStreetMap opening_hours syntax at character 5 .*Unexpected token/);
  });

  it('hints at the two habits behind most mistakes: Vietnamese weekday names and "7h30"', () => {
    const result = validateOpeningHours('Thứ 2-6 7h30-17h');
    if (result.ok) throw new Error('expected a problem');
    expect(result.message.vi).toContain('Mo Tu We Th Fr Sa Su');
    expect(result.message.vi).toContain('07:30, không viết "7h30"');
    expect(result.message.en).toContain('Write times as 07:30');
  });

  it('refuses an empty value', () => {
    expect(validateOpeningHours('  ')).toMatchObject({ ok: false, problem: { code: 'empty' } });
  });

  it('refuses PH and SH: Vietnamese holidays are applied automatically (the package would use wrong or German ones)', () => {
    for (const text of ['Mo-Fr 07:30-17:00; PH off', 'Mo-Fr 07:30-17:00; ph 08:00-10:00', 'Mo-Fr 07:30-17:00; SH off']) {
      const result = validateOpeningHours(text);
      expect(result).toMatchObject({ ok: false, problem: { code: 'public_holiday_rule' } });
      if (result.ok) throw new Error('expected a problem');
      expect(result.message.vi).toMatch(/tự động/);
      expect(result.message.en).toMatch(/automatically/);
    }
    // …but the letters inside a quoted comment are only text.
    expect(validateOpeningHours('Mo-Fr 07:30-17:00 "PH: nghỉ"')).toMatchObject({ ok: true });
  });

  it('refuses sun-based times', () => {
    expect(validateOpeningHours('Mo-Fr sunrise-17:00')).toMatchObject({ ok: false, problem: { code: 'variable_time' } });
  });

  it('warns about hours that never open, uncertain hours and date-dependent hours', () => {
    const codes = (text: string): string[] => {
      const result = validateOpeningHours(text);
      return result.ok ? result.warnings.map((warning) => warning.code) : [`error:${result.problem.code}`];
    };
    expect(codes('off')).toEqual(['never_open']);
    expect(codes('Mo-Fr 07:30+')).toEqual(['uncertain_hours']);
    expect(codes('Apr-Oct Mo-Fr 07:00-11:00,13:30-17:00; Nov-Mar Mo-Fr 07:30-11:30,13:00-16:30')).toEqual(['date_dependent']);
  });

  it('never depends on the real clock: a past date gives no "in the past" warning', () => {
    expect(validateOpeningHours('Mo-Fr 07:30-17:00; 2021 Jan 04 off')).toMatchObject({ ok: true });
    const result = validateOpeningHours('Mo-Fr 07:30-17:00; 2021 Jan 04 off');
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['date_dependent']);
  });
});

describe('compileOpeningHours', () => {
  it('throws an OpeningHoursError carrying the problem', () => {
    expect(() => compileOpeningHours('Mo-Fr 25:00-26:00')).toThrow(OpeningHoursError);
    try {
      compileOpeningHours('Mo-Fr 25:00-26:00');
    } catch (error) {
      expect((error as OpeningHoursError).problem.code).toBe('syntax');
    }
  });

  it('gives a day its open intervals in minutes, joining nothing across midnight itself', () => {
    const hours = compileOpeningHours('Mo-Fr 22:00-02:00');
    expect(hours.openIntervalsOn('2025-03-03')).toEqual([{ start: 22 * 60, end: 24 * 60 }]); // Monday
    expect(hours.openIntervalsOn('2025-03-04')).toEqual([
      { start: 0, end: 2 * 60 },
      { start: 22 * 60, end: 24 * 60 },
    ]);
  });
});
