import { parsePlateCode } from '@pho-so/shared/domain';

/** Longest code stored for a scan (the `scan_count.plate_code` column). */
export const SCANNED_CODE_MAX_LENGTH = 32;
/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const HO_CHI_MINH_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * The code a scan is counted under: the canonical plate code (`TB-233AC`) when the input is a valid
 * plate code, otherwise the input upper-cased with spaces, hyphens and control characters removed and
 * cut to 32 characters, so scans of a fake sticker are counted under a recognisable key. Null when
 * nothing is left.
 */
export function scannedCode(raw: string): string | null {
  const input = raw.length > 4 * SCANNED_CODE_MAX_LENGTH ? raw.slice(0, 4 * SCANNED_CODE_MAX_LENGTH) : raw;
  const parsed = parsePlateCode(input);
  if (parsed.ok) return parsed.code;
  // \p{C}: control, format, unassigned and lone-surrogate code points (Postgres rejects NUL, and a
  // broken surrogate is not valid UTF-8), so a hostile path can never make a flush fail.
  const compact = input.toUpperCase().replace(/[\s\p{C}-]+/gu, '');
  const code = Array.from(compact).slice(0, SCANNED_CODE_MAX_LENGTH).join('');
  return code === '' ? null : code;
}

/** The local calendar day (Asia/Ho_Chi_Minh) of an instant, `YYYY-MM-DD`. */
export function localDay(instant: Date): string {
  return new Date(instant.getTime() + HO_CHI_MINH_OFFSET_MS).toISOString().slice(0, 10);
}
