import { formatDistance, formatIsoDate, formatIsoDateWithWeekday, formatProcessingTime, formatVietnamDateTime } from './format';

describe('formatDistance', () => {
  it('gives metres to the nearest 10 below a kilometre, never 0 m', () => {
    expect(formatDistance(4, 'vi')).toBe('10 m');
    expect(formatDistance(847, 'vi')).toBe('850 m');
    expect(formatDistance(994, 'en')).toBe('990 m');
  });

  it('gives kilometres with one decimal in the locale’s style', () => {
    expect(formatDistance(1969, 'vi')).toBe('2,0 km');
    expect(formatDistance(1969, 'en')).toBe('2.0 km');
    expect(formatDistance(12_340, 'vi')).toBe('12,3 km');
  });
});

describe('formatVietnamDateTime', () => {
  it('shows a +07:00 instant as written (Thái Bình wall clock), whatever the server zone', () => {
    expect(formatVietnamDateTime('2026-11-28T01:04:09+07:00', 'vi')).toBe('01:04, 28/11/2026');
    expect(formatVietnamDateTime('2026-11-28T01:04:09+07:00', 'en')).toBe('01:04, 28 Nov 2026');
  });

  it('moves a UTC instant to Vietnam time first', () => {
    expect(formatVietnamDateTime('2026-11-27T18:04:00Z', 'vi')).toBe('01:04, 28/11/2026');
  });

  it('leaves text that is no date alone', () => {
    expect(formatVietnamDateTime('not a date', 'vi')).toBe('not a date');
  });
});

describe('formatIsoDate', () => {
  it('writes dd/mm/yyyy in Vietnamese and a short month in English', () => {
    expect(formatIsoDate('2026-09-02', 'vi')).toBe('02/09/2026');
    // ICU versions differ on September's short form ("Sep" or "Sept").
    expect(formatIsoDate('2026-09-02', 'en')).toMatch(/^2 Sept? 2026$/);
    expect(formatIsoDateWithWeekday('2026-09-02', 'vi')).toBe('Thứ Tư, 02/09/2026');
  });
});

describe('formatProcessingTime', () => {
  it('writes a value with a unit in the UI language', () => {
    expect(formatProcessingTime({ raw: '3 Ngày làm việc', value: 3, unit: 'working_days' }, 'vi')).toBe('3 ngày làm việc');
    expect(formatProcessingTime({ raw: '3 Ngày làm việc', value: 3, unit: 'working_days' }, 'en')).toBe('3 working days');
  });

  it('never guesses a missing unit: the raw number is shown with a note', () => {
    expect(formatProcessingTime({ raw: '1', value: 1, unit: null }, 'vi')).toBe('1 (nguồn không ghi đơn vị)');
    expect(formatProcessingTime({ raw: '1', value: 1, unit: null }, 'en')).toBe('1 (no unit in the source)');
  });

  it('shows unreadable text as the source gave it, and a dash for nothing', () => {
    expect(formatProcessingTime({ raw: 'Theo quy định', value: null, unit: null }, 'vi')).toBe('Theo quy định');
    expect(formatProcessingTime({ raw: ' ', value: null, unit: null }, 'vi')).toBe('—');
  });
});
