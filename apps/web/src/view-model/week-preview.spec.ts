import { addDays, weekPreview } from './week-preview';

// 09:00 in Vietnam on Tuesday 2026-04-28: Thursday 30/4 and Friday 1/5 are public holidays.
const TUESDAY_BEFORE_HOLIDAYS = new Date('2026-04-28T02:00:00Z');
// 23:30 in Vietnam on Monday 2026-05-11 (still Monday there, Monday 16:30 UTC), an ordinary week.
const ORDINARY_MONDAY = new Date('2026-05-11T16:30:00Z');

describe('week preview', () => {
  it('seven days from today with the weekly hours, holidays closed all day', () => {
    const preview = weekPreview('Mo-Fr 07:30-11:30,13:30-17:00', [], TUESDAY_BEFORE_HOLIDAYS);
    if (!preview.ok) throw new Error('readable hours');
    expect(preview.days.map((d) => d.date)).toEqual(['2026-04-28', '2026-04-29', '2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04']);
    expect(preview.days[0]!.intervals).toEqual([
      { from: '07:30', to: '11:30' },
      { from: '13:30', to: '17:00' },
    ]);
    expect(preview.days[2]!.holiday?.nameEn).toBeTruthy();
    expect(preview.days[2]!.intervals).toEqual([]);
    expect(preview.days[3]!.holiday).toBeDefined();
    expect(preview.days[3]!.intervals).toEqual([]);
    // Saturday: outside the hours, not a holiday.
    expect(preview.days[4]!.intervals).toEqual([]);
    expect(preview.days[4]!.holiday).toBeUndefined();
  });

  it('starts on the Vietnamese date and applies the closures being edited', () => {
    const preview = weekPreview('Mo-Su 08:00-17:00', [{ from: '2026-05-12', to: '2026-05-13', reason: 'Sửa chữa' }], ORDINARY_MONDAY);
    if (!preview.ok) throw new Error('readable hours');
    expect(preview.days[0]!.date).toBe('2026-05-11');
    expect(preview.days[0]!.intervals).toEqual([{ from: '08:00', to: '17:00' }]);
    expect(preview.days[1]!.closure).toEqual({ reason: 'Sửa chữa' });
    expect(preview.days[1]!.intervals).toEqual([]);
    expect(preview.days[2]!.closure).toBeDefined();
    expect(preview.days[3]!.closure).toBeUndefined();
    expect(preview.days[6]!.intervals).toEqual([{ from: '08:00', to: '17:00' }]);
  });

  it('says so when the hours cannot be read', () => {
    expect(weekPreview('Mo-Fr 25:00-26:00', [], ORDINARY_MONDAY)).toEqual({ ok: false });
  });

  it('adds civil days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});
