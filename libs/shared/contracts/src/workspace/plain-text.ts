// Officials type plain text. Nothing they type is ever interpreted as HTML or markup: pages escape it
// (React does), and here it is only cleaned of what no person means to type.
import { z } from 'zod';

// C0 controls except tab/newline/carriage return, DEL, C1 controls, and the bidirectional overrides and
// isolates that can make text display differently from what is stored (Trojan Source).
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * The text as stored: Unicode NFC (Vietnamese typed on different keyboards compares equal), control
 * characters removed, line ends unified, outer whitespace trimmed. Single-line text also turns runs of
 * whitespace (tabs and line breaks included) into one space. `<`, `>`, `&` and quotes are kept verbatim: they are text.
 */
export function cleanPlainText(text: string, { multiline = false } = {}): string {
  let cleaned = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/g, '\n').replace(INVISIBLE, '');
  cleaned = multiline ? cleaned.replace(/\t/g, ' ') : cleaned.replace(/\s+/g, ' ');
  return cleaned.trim();
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
const charCount = (text: string) => [...text].length;

export interface PlainTextOptions {
  max: number;
  multiline?: boolean;
  /** Whether the empty string is a value (e.g. notes that may be cleared); otherwise `text.required`. */
  allowEmpty?: boolean;
}

/** A plain-text field: cleaned, then required (unless `allowEmpty`) and at most `max` characters. */
export function plainText({ max, multiline = false, allowEmpty = false }: PlainTextOptions) {
  return z
    .string({ message: 'text.notText' })
    // Cheap guard before cleaning a megabyte of text (cleaning never makes text longer than 8×).
    .refine((text) => text.length <= max * 8, { message: 'text.tooLong', params: { max }, abort: true })
    .transform((text) => cleanPlainText(text, { multiline }))
    .superRefine((text, ctx) => {
      if (!allowEmpty && text.length === 0) ctx.addIssue({ code: 'custom', message: 'text.required' });
      if (charCount(text) > max) ctx.addIssue({ code: 'custom', message: 'text.tooLong', params: { max } });
    });
}

/** A plain-text field that may be cleared: null, or an empty (after cleaning) string, stores null. */
export function nullablePlainText(options: Omit<PlainTextOptions, 'allowEmpty'>) {
  return z.union([z.null(), plainText({ ...options, allowEmpty: true })], { message: 'text.notText' }).transform((text) => (text === '' ? null : text));
}
