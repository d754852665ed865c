import { OpeningHoursError } from './compile-opening-hours';
import { describeNextChange } from './describe-next-change';
import { openingStatus } from './opening-status';

const OFFICE = 'Mo-Fr 07:30-11:30,13:30-17:00';
const OFFICE_AND_SATURDAY = `${OFFICE}; Sa 07:30-11:30`;
const FULL_DAY = [
  { from: '07:30', to: '11:30' },
  { from: '13:30', to: '17:00' },
];
/** An instant given in Vietnamese local time. */
const vn = (local: string): Date => new Date(`${local}+07:00`);
const status = (at: string, openingHours = OFFICE, closures: { from: string; to: string; reason: string }[] = []) =>
  openingStatus({ openingHours, closures, at: vn(at) });

describe('openingStatus on an ordinary week (March 2025)', () => {
  it('is closed over the lunch break and reopens at 13:30', () => {
    expect(status('2025-03-03T12:00')).toEqual({
      open: false,
      reason: 'outside_hours',
      makeUpWorkingDay: false,
      nextChange: { at: '2025-03-03T13:30:00+07:00', kind: 'opens' },
      todayHours: FULL_DAY,
    });
  });

  it('is open in the morning until 11:30, and closed at 11:30 exactly', () => {
    expect(status('2025-03-03T11:29')).toMatchObject({ open: true, nextChange: { at: '2025-03-03T11:30:00+07:00', kind: 'closes' } });
    expect(status('2025-03-03T11:29').reason).toBeUndefined();
    expect(status('2025-03-03T11:30')).toMatchObject({ open: false, nextChange: { kind: 'opens', at: '2025-03-03T13:30:00+07:00' } });
  });

  it('before opening, opens at 07:30 the same day', () => {
    expect(status('2025-03-03T06:45')).toMatchObject({ open: false, nextChange: { at: '2025-03-03T07:30:00+07:00', kind: 'opens' } });
  });

  it('after closing on Friday, opens on Monday (or on Saturday morning where it opens on Saturdays)', () => {
    expect(status('2025-03-07T17:05').nextChange).toEqual({ at: '2025-03-10T07:30:00+07:00', kind: 'opens' });
    expect(status('2025-03-07T17:05', OFFICE_AND_SATURDAY).nextChange).toEqual({ at: '2025-03-08T07:30:00+07:00', kind: 'opens' });
    expect(status('2025-03-08T11:45', OFFICE_AND_SATURDAY)).toMatchObject({
      open: false,
      todayHours: [{ from: '07:30', to: '11:30' }],
      nextChange: { at: '2025-03-10T07:30:00+07:00' },
    });
  });

  it('joins intervals across midnight: a night shift closes at 02:00 the next day', () => {
    expect(status('2025-03-03T23:30', 'Mo-Fr 22:00-02:00')).toMatchObject({
      open: true,
      nextChange: { at: '2025-03-04T02:00:00+07:00', kind: 'closes' },
      todayHours: [{ from: '22:00', to: '24:00' }],
    });
  });

  it('for hours open round the clock, the next change is the next public holiday', () => {
    expect(status('2025-03-03T12:00', '24/7')).toMatchObject({
      open: true,
      nextChange: { at: '2025-04-07T00:00:00+07:00', kind: 'closes' }, // Giỗ Tổ Hùng Vương 2025
      todayHours: [{ from: '00:00', to: '24:00' }],
    });
  });

  it('has no next change for hours that never open', () => {
    expect(status('2025-03-03T12:00', 'off')).toMatchObject({ open: false, reason: 'outside_hours', nextChange: null, todayHours: [] });
  });
});

describe('openingStatus on public holidays', () => {
  it('is closed on Mùng 1 Tết 2025 and reopens on Monday 3 February after the nine-day break', () => {
    expect(status('2025-01-29T09:00')).toEqual({
      open: false,
      reason: 'holiday',
      holidayName: 'Tết Nguyên đán (mùng 1 tháng Giêng)',
      holidayNameEn: 'Lunar New Year (Tết), day 1',
      makeUpWorkingDay: false,
      nextChange: { at: '2025-02-03T07:30:00+07:00', kind: 'opens' },
      todayHours: [],
    });
  });

  it('keeps a Saturday-morning centre closed on the Saturdays of the announced Tết break', () => {
    expect(status('2025-01-25T09:00', OFFICE_AND_SATURDAY)).toMatchObject({ open: false, reason: 'holiday', holidayName: 'Nghỉ Tết Ất Tỵ' });
    expect(status('2025-01-18T09:00', OFFICE_AND_SATURDAY)).toMatchObject({ open: true });
  });

  it('closes on the Friday swapped away on 2 May 2025', () => {
    expect(status('2025-05-02T09:00')).toMatchObject({ open: false, reason: 'holiday' });
  });
});

describe('openingStatus with closures', () => {
  const repairs = [{ from: '2025-03-10', to: '2025-03-11', reason: 'Sửa chữa trụ sở' }];

  it('is closed during a closure and says why', () => {
    expect(status('2025-03-10T09:00', OFFICE, repairs)).toEqual({
      open: false,
      reason: 'closure',
      closureReason: 'Sửa chữa trụ sở',
      makeUpWorkingDay: false,
      nextChange: { at: '2025-03-12T07:30:00+07:00', kind: 'opens' },
      todayHours: [],
    });
  });

  it('skips the closure when looking for the next opening', () => {
    expect(status('2025-03-07T17:30', OFFICE, repairs).nextChange).toEqual({ at: '2025-03-12T07:30:00+07:00', kind: 'opens' });
  });

  it('names the holiday first when a closure falls on a holiday, and keeps the closure reason', () => {
    expect(status('2025-01-29T09:00', OFFICE, [{ from: '2025-01-27', to: '2025-02-05', reason: 'Chuyển trụ sở' }])).toMatchObject({
      reason: 'holiday',
      closureReason: 'Chuyển trụ sở',
      nextChange: { at: '2025-02-06T07:30:00+07:00' },
    });
  });

  it('refuses a closure with a malformed date rather than ignoring it', () => {
    expect(() => status('2025-03-10T09:00', OFFICE, [{ from: '10/03/2025', to: '2025-03-11', reason: 'x' }])).toThrow(RangeError);
  });
});

describe('openingStatus on make-up working Saturdays ("làm bù")', () => {
  it('opens on Saturday 26 April 2025 with the hours of the Friday it replaces', () => {
    expect(status('2025-04-26T09:00')).toEqual({
      open: true,
      makeUpWorkingDay: true,
      nextChange: { at: '2025-04-26T11:30:00+07:00', kind: 'closes' },
      todayHours: FULL_DAY,
    });
    expect(status('2025-04-26T17:30')).toMatchObject({ open: false, makeUpWorkingDay: true, nextChange: { at: '2025-04-28T07:30:00+07:00' } });
  });

  it('gives a Saturday-morning centre the full weekday hours that day', () => {
    expect(status('2025-04-26T15:00', OFFICE_AND_SATURDAY)).toMatchObject({ open: true, todayHours: FULL_DAY });
  });

  it('uses the hours of the weekday replaced: Saturday 4 May 2024 works Monday 29 April’s hours', () => {
    expect(status('2024-05-04T10:30', 'Mo 07:00-11:00; Tu-Fr 07:30-11:30')).toMatchObject({
      open: true,
      todayHours: [{ from: '07:00', to: '11:00' }],
    });
    expect(status('2024-04-29T10:30', 'Mo 07:00-11:00; Tu-Fr 07:30-11:30')).toMatchObject({ open: false, reason: 'holiday' });
  });

  it('is an ordinary closed Saturday the week before', () => {
    expect(status('2025-04-19T09:00')).toMatchObject({ open: false, reason: 'outside_hours', makeUpWorkingDay: false, todayHours: [] });
  });
});

describe('openingStatus never reads the process time zone: instants near Vietnamese midnight', () => {
  // A time-zone bug reads these instants in UTC (or the server's zone) and gets the wrong day.
  it('one second before Monday 00:00 in Hà Nội is still Sunday; Monday 00:00 is Monday', () => {
    const sundayNight = openingStatus({ openingHours: OFFICE, at: new Date('2025-03-02T16:59:59Z') });
    const mondayMidnight = openingStatus({ openingHours: OFFICE, at: new Date('2025-03-02T17:00:00Z') });
    expect(sundayNight).toMatchObject({ todayHours: [], nextChange: { at: '2025-03-03T07:30:00+07:00' } });
    expect(mondayMidnight).toMatchObject({ todayHours: FULL_DAY, nextChange: { at: '2025-03-03T07:30:00+07:00' } });
  });

  it('Tết 2025 begins at 00:00 on 29 January in Hà Nội, which is 17:00 UTC on the 28th', () => {
    const before = openingStatus({ openingHours: OFFICE, at: new Date('2025-01-28T16:59:59Z') });
    const after = openingStatus({ openingHours: OFFICE, at: new Date('2025-01-28T17:00:00Z') });
    expect(before.holidayName).toBe('Tết Nguyên đán (29 tháng Chạp)');
    expect(after.holidayName).toBe('Tết Nguyên đán (mùng 1 tháng Giêng)');
  });

  it('a weekday 07:30 in Hà Nội is 00:30 UTC: open at 00:31 UTC', () => {
    expect(openingStatus({ openingHours: OFFICE, at: new Date('2025-03-03T00:31:00Z') }).open).toBe(true);
    expect(openingStatus({ openingHours: OFFICE, at: new Date('2025-03-03T00:29:00Z') }).open).toBe(false);
  });
});

describe('openingStatus input checks', () => {
  it('throws for unusable hours, an invalid instant, and years without holiday data', () => {
    expect(() => status('2025-03-03T09:00', 'Mo-Fr 07:30-17:00; PH off')).toThrow(OpeningHoursError);
    expect(() => openingStatus({ openingHours: OFFICE, at: new Date('nonsense') })).toThrow(RangeError);
    expect(() => status('2036-01-02T09:00')).toThrow(/2020–2035/);
  });

  it('stops looking for the next change at the end of the last year with holiday data', () => {
    expect(status('2035-12-31T18:00')).toMatchObject({ open: false, nextChange: null });
  });
});

describe('describeNextChange', () => {
  const phrase = (at: string, hours = OFFICE) => {
    const result = status(at, hours);
    return [describeNextChange(result.nextChange, vn(at), 'vi'), describeNextChange(result.nextChange, vn(at), 'en')];
  };

  it('gives only the time for a change today', () => {
    expect(phrase('2025-03-03T09:00')).toEqual(['Đóng cửa lúc 11:30', 'closes 11:30']);
    expect(phrase('2025-03-03T12:00')).toEqual(['Mở cửa lúc 13:30', 'opens 13:30']);
  });

  it('adds the weekday for another day', () => {
    expect(phrase('2025-03-07T17:05')).toEqual(['Mở cửa Thứ Hai 07:30', 'opens Mon 07:30']);
    expect(phrase('2025-03-03T23:30', 'Mo-Fr 22:00-02:00')).toEqual(['Đóng cửa Thứ Ba 02:00', 'closes Tue 02:00']);
    expect(phrase('2025-01-29T09:00')).toEqual(['Mở cửa Thứ Hai 07:30', 'opens Mon 07:30']);
  });

  it('adds the date from a week ahead, when a weekday alone would mislead (the Tết break)', () => {
    expect(phrase('2025-01-24T17:30')).toEqual(['Mở cửa Thứ Hai 03/02 07:30', 'opens Mon 3 Feb 07:30']);
  });

  it('returns null when nothing changes', () => {
    expect(describeNextChange(null, vn('2025-03-03T09:00'), 'vi')).toBeNull();
  });
});
