import { lastConfirmedDay } from './last-confirmed';

describe('lastConfirmedDay', () => {
  it('is the day in Vietnam time (UTC+7), written per language', () => {
    // 20:30 UTC on 14 Feb is already 15 Feb in Hưng Yên.
    expect(lastConfirmedDay('2025-02-14T20:30:00.000Z', 'vi')).toBe('15/02/2025');
    expect(lastConfirmedDay('2025-02-14T20:30:00.000Z', 'en')).toBe('15 Feb 2025');
    expect(lastConfirmedDay('2025-02-14T03:00:00.000Z', 'vi')).toBe('14/02/2025');
    expect(lastConfirmedDay('not a date', 'vi')).toBeNull();
  });
});
