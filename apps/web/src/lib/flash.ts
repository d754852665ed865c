// One-shot messages of the workspace's POST-redirect-GET: a form handler that cannot save (bad input,
// a conflict) or has saved sends the browser back to the page with what it should show (the errors,
// the values the official typed) in short-lived cookies; the proxy hands them to that one page render
// as a request header and deletes them, so a reload shows the page afresh. Compressed and split in
// cookies of under 4 KB (a browser's limit per cookie); officials' text never goes into a URL.
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export const FLASH_COOKIE = 'pho_so_flash';
export const FLASH_HEADER = 'x-pho-so-flash';
/** Seconds a flash waits for the redirected request. */
const FLASH_MAX_AGE = 60;
const CHUNK = 3600;
const MAX_CHUNKS = 4;

export type Flash =
  | { kind: 'login-failed'; email: string; message: { vi: string; en: string }; retryAfter?: number }
  | { kind: 'logged-out' }
  | { kind: 'session-ended' }
  | { kind: 'saved'; id: string; changed: boolean }
  | { kind: 'confirmed'; id: string }
  | { kind: 'invalid'; id: string; values: Record<string, string>; errors: Array<{ field: string; message: { vi: string; en: string } }> }
  | { kind: 'conflict'; id: string; values: Record<string, string> }
  | { kind: 'picked'; id: string; values: Record<string, string> }
  | { kind: 'batch-invalid'; values: Record<string, string>; errors: Array<{ field: string; message: { vi: string; en: string } }> };

/** The flash's cookies, names `pho_so_flash_0`…: Set-Cookie values (the rest of the old chunks cleared). */
export function flashCookies(flash: Flash, secure: boolean): string[] {
  let encoded = deflateRawSync(Buffer.from(JSON.stringify(flash), 'utf8')).toString('base64url');
  if (encoded.length > CHUNK * MAX_CHUNKS && 'values' in flash) {
    encoded = deflateRawSync(Buffer.from(JSON.stringify({ ...flash, values: {} }), 'utf8')).toString('base64url');
  }
  const attributes = `Path=/; Max-Age=${FLASH_MAX_AGE}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  const cookies: string[] = [];
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const part = encoded.slice(i * CHUNK, (i + 1) * CHUNK);
    cookies.push(part ? `${FLASH_COOKIE}_${i}=${part}; ${attributes}` : `${FLASH_COOKIE}_${i}=; Path=/; Max-Age=0`);
  }
  return cookies;
}

/** Names of the flash cookies (for the proxy, which joins them in order). */
export const FLASH_COOKIE_NAMES = Array.from({ length: MAX_CHUNKS }, (_, i) => `${FLASH_COOKIE}_${i}`);

/** The flash the proxy passed on, or null (none, or not decodable). */
export function decodeFlash(value: string | null | undefined): Flash | null {
  if (!value) return null;
  try {
    const flash = JSON.parse(inflateRawSync(Buffer.from(value, 'base64url')).toString('utf8')) as Flash;
    return flash && typeof flash === 'object' && typeof flash.kind === 'string' ? flash : null;
  } catch {
    return null;
  }
}
