/**
 * Instants ↔ Vietnamese wall-clock time. Vietnam (Asia/Ho_Chi_Minh) has kept UTC+07:00 all year since
 * 1975 and has no daylight-saving time, so a fixed offset converts exactly; no time-zone database and no
 * setting of the process (TZ) is involved.
 */
import type { IsoDate } from '../holidays/civil-date';

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
const MS_PER_MINUTE = 60_000;
export const MINUTES_PER_DAY = 24 * 60;

export interface VietnamWallClock {
  date: IsoDate;
  /** Minutes since local midnight, 0–1439. */
  minute: number;
}

/** The Vietnamese calendar date and minute of the day at an instant. */
export function toVietnamWallClock(instant: Date): VietnamWallClock {
  const shifted = new Date(instant.getTime() + VIETNAM_UTC_OFFSET_MINUTES * MS_PER_MINUTE);
  return {
    date: shifted.toISOString().slice(0, 10),
    minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

/** The instant at a Vietnamese date and minute of the day (minute may be 1440: the next midnight). */
export function fromVietnamWallClock(date: IsoDate, minute: number): Date {
  const midnightAsUtc = Date.parse(`${date}T00:00:00Z`);
  return new Date(midnightAsUtc + (minute - VIETNAM_UTC_OFFSET_MINUTES) * MS_PER_MINUTE);
}

/** ISO 8601 with the Vietnamese offset, e.g. "2025-01-31T07:30:00+07:00". */
export function formatVietnamIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + VIETNAM_UTC_OFFSET_MINUTES * MS_PER_MINUTE);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}

/** "07:30" for a minute of the day; 1440 is written "24:00" (open until midnight). */
export function formatMinute(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
