import { upcomingDaysOff } from './upcoming-days-off';
import { weekSchedule } from './week-schedule';

const vn = (local: string): Date => new Date(`${local}+07:00`);

describe('weekSchedule', () => {
  it('lists the regular hours Monday to Sunday', () => {
    const morning = { from: '07:30', to: '11:30' };
    const day = [morning, { from: '13:30', to: '17:00' }];
    expect(weekSchedule('Mo-Fr 07:30-11:30,13:30-17:00; Sa 07:30-11:30')).toEqual({
      Mo: day,
      Tu: day,
      We: day,
      Th: day,
      Fr: day,
      Sa: [morning],
      Su: [],
    });
  });

  it('shows the week asked for when the hours depend on the season, and ignores holidays (listed separately)', () => {
    const seasonal = 'Apr-Oct Mo-Fr 07:00-11:30,13:30-17:00; Nov-Mar Mo-Fr 07:30-12:00,13:00-16:30';
    expect(weekSchedule(seasonal, vn('2025-06-11T10:00')).Mo).toEqual([
      { from: '07:00', to: '11:30' },
      { from: '13:30', to: '17:00' },
    ]);
    const tetWeek = weekSchedule(seasonal, vn('2025-01-29T10:00'));
    expect(tetWeek.We).toEqual([
      { from: '07:30', to: '12:00' },
      { from: '13:00', to: '16:30' },
    ]);
  });

  it('reads `weekOf` in Vietnamese time: Sunday 23:30 in Hà Nội belongs to the week that is ending', () => {
    // 2025-04-06T16:30Z is Sunday 23:30 in Hà Nội; the week is 31 March–6 April (Apr from Tuesday 1st).
    const schedule = weekSchedule('Apr-Oct Mo-Fr 07:00-11:00; Nov-Mar Mo-Fr 08:00-11:00', new Date('2025-04-06T16:30:00Z'));
    expect(schedule.Mo).toEqual([{ from: '08:00', to: '11:00' }]);
    expect(schedule.Tu).toEqual([{ from: '07:00', to: '11:00' }]);
  });
});

describe('upcomingDaysOff', () => {
  it('lists the Tết 2025 break and a closure in the 30 days from 20 January 2025', () => {
    const days = upcomingDaysOff(vn('2025-01-20T09:00'), 30, [{ from: '2025-02-10', to: '2025-02-10', reason: 'Kiểm kê' }]);
    expect(days.map((day) => [day.date, day.kind])).toEqual([
      ['2025-01-25', 'announced_day_off'],
      ['2025-01-26', 'announced_day_off'],
      ['2025-01-27', 'holiday'],
      ['2025-01-28', 'holiday'],
      ['2025-01-29', 'holiday'],
      ['2025-01-30', 'holiday'],
      ['2025-01-31', 'holiday'],
      ['2025-02-01', 'announced_day_off'],
      ['2025-02-02', 'announced_day_off'],
      ['2025-02-10', 'closure'],
    ]);
    expect(days[4]).toMatchObject({ name: 'Tết Nguyên đán (mùng 1 tháng Giêng)', nameEn: 'Lunar New Year (Tết), day 1' });
    expect(days[9]).toEqual({ date: '2025-02-10', kind: 'closure', reason: 'Kiểm kê' });
  });

  it('counts today as the first of the N days and stops after the last', () => {
    expect(upcomingDaysOff(vn('2025-04-30T23:59'), 1).map((day) => day.date)).toEqual(['2025-04-30']);
    expect(upcomingDaysOff(vn('2025-04-24T08:00'), 7).map((day) => day.date)).toEqual(['2025-04-30']);
    expect(upcomingDaysOff(vn('2025-04-24T08:00'), 6)).toEqual([]);
  });

  it('lists a day twice when a closure falls on a holiday', () => {
    const days = upcomingDaysOff(vn('2025-09-01T08:00'), 2, [{ from: '2025-09-01', to: '2025-09-05', reason: 'Sửa chữa' }]);
    expect(days.map((day) => [day.date, day.kind])).toEqual([
      ['2025-09-01', 'holiday'],
      ['2025-09-01', 'closure'],
      ['2025-09-02', 'holiday'],
      ['2025-09-02', 'closure'],
    ]);
  });

  it('stops at the end of 2035 and refuses a start outside 2020–2035', () => {
    expect(upcomingDaysOff(vn('2035-12-20T08:00'), 30)).toEqual([]);
    expect(() => upcomingDaysOff(vn('2036-01-01T08:00'), 30)).toThrow(RangeError);
    expect(() => upcomingDaysOff(vn('2025-01-01T08:00'), -1)).toThrow(RangeError);
  });
});
