import type { z } from 'zod';
import type { processingTimeSchema } from '@pho-so/shared/contracts';

export type ProcessingTime = z.infer<typeof processingTimeSchema>;
export type ProcessingTimeUnit = NonNullable<ProcessingTime['unit']>;

/**
 * Unit words as the national portal writes them (compared case-insensitively, after NFC). Longest
 * first, so "ngày làm việc" is not read as "ngày". Units the record cannot express exactly (e.g.
 * "giờ làm việc", working hours) are deliberately absent: such a time keeps its raw text only.
 */
const UNITS: [string, ProcessingTimeUnit][] = [
  ['ngày làm việc', 'working_days'],
  ['ngày', 'days'],
  ['giờ', 'hours'],
  ['tháng', 'months'],
];

const NUMBER_THEN_REST = /^(\d+(?:[.,]\d+)?)\s*(.*?)\.?$/u;

/**
 * Reads a processing time as the national portal states it, and nothing more:
 * - "1 Ngày làm việc" → 1 working_days; "15 Ngày" → 15 days; "4 Giờ" → 4 hours; "2 Tháng" → 2 months;
 * - a bare number ("1", "0") → that value with unit null: the source gives no unit and we never guess one
 *   (162 rows of the portal crawl are like this; "1" for khai sinh is not "1 day" by any rule we know);
 * - anything else ("Không có thông tin", free text, a number followed by words we do not model)
 *   → value and unit null.
 * `raw` is always the input, trimmed, so a page can show exactly what the portal says.
 * Pure: shared by the import CLI and the demo-data generator.
 */
export function parseProcessingTime(raw: string): ProcessingTime {
  const text = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const none: ProcessingTime = { raw: text, value: null, unit: null };
  const match = NUMBER_THEN_REST.exec(text);
  if (!match) return none;
  const value = Number((match[1] ?? '').replace(',', '.'));
  if (!Number.isFinite(value)) return none;
  const rest = (match[2] ?? '').toLocaleLowerCase('vi');
  if (rest === '') return { raw: text, value, unit: null };
  const unit = UNITS.find(([word]) => rest === word)?.[1];
  return unit ? { raw: text, value, unit } : none;
}
