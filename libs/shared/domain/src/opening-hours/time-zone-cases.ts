/**
 * Fixed cases for time-zone-independence.spec.ts, evaluated both in the test process and in child
 * processes with other TZ settings. Kept free of Jest so a plain Node process can run it.
 */
import { describeNextChange } from './describe-next-change';
import { openingStatus } from './opening-status';
import { upcomingDaysOff } from './upcoming-days-off';
import { weekSchedule } from './week-schedule';

const OFFICE = 'Mo-Fr 07:30-11:30,13:30-17:00; Sa 07:30-11:30';
const NIGHT = 'Mo-Fr 22:00-02:00';
const SEASONAL = 'Apr-Oct Mo-Fr 07:00-11:30,13:30-17:00; Nov-Mar Mo-Fr 07:30-12:00,13:00-16:30';

/** Instants (UTC) around Vietnamese midnights and around New York's daylight-saving changes. */
const INSTANTS = [
  '2025-03-02T16:59:59Z', // Sunday 23:59:59 in Hà Nội
  '2025-03-02T17:00:00Z', // Monday 00:00
  '2025-03-03T00:29:00Z', // Monday 07:29
  '2025-03-03T00:30:00Z', // Monday 07:30
  '2025-03-03T16:30:00Z', // Monday 23:30 (night shift)
  '2025-03-08T19:30:00Z', // Sunday 9 March 02:30 in Hà Nội; New York is about to skip 02:00–03:00
  '2025-03-09T07:30:00Z', // New York's gap itself (02:30 does not exist there)
  '2025-03-31T16:59:00Z', // Monday 31 March 23:59, the day before the summer hours
  '2025-03-31T17:00:00Z', // Tuesday 1 April 00:00
  '2025-01-28T16:59:59Z', // 29 tháng Chạp, last second
  '2025-01-28T17:00:00Z', // Mùng 1 Tết 2025
  '2025-01-24T10:30:00Z', // Friday 17:30 before the nine-day break
  '2025-04-26T01:00:00Z', // make-up Saturday 08:00
  '2025-11-01T18:30:00Z', // Sunday 01:30 in Hà Nội; New York repeats 01:00–02:00 on 2 November
  '2025-11-02T06:30:00Z', // New York's repeated hour
  '2025-12-31T17:00:00Z', // 1 January 2026 00:00 in Hà Nội
];

export function openingStatusCases(): unknown[] {
  return INSTANTS.flatMap((iso) => {
    const at = new Date(iso);
    return [OFFICE, NIGHT, SEASONAL].map((openingHours) => {
      const status = openingStatus({ openingHours, closures: [{ from: '2025-03-04', to: '2025-03-04', reason: 'x' }], at });
      return {
        iso,
        openingHours,
        status,
        vi: describeNextChange(status.nextChange, at, 'vi'),
        week: weekSchedule(openingHours, at),
        daysOff: upcomingDaysOff(at, 10).map((day) => `${day.date}:${day.kind}`),
      };
    });
  });
}
