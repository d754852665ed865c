// What every workspace page does first, in one place: its metadata (never indexed), the one-shot flash
// the proxy handed it, the official's session (or the login page), and a read's data (401 → login).
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { currentSession, type Read, type Session } from '../data/workspace';
import { localePath, type Locale } from '../i18n/locale';
import { decodeFlash, FLASH_HEADER, type Flash } from '../lib/flash';

export const workspaceMeta = (title: string): Metadata => ({ title, robots: { index: false, follow: false } });

export async function pageFlash(): Promise<Flash | null> {
  return decodeFlash((await headers()).get(FLASH_HEADER));
}

/** The session, or a redirect to the login page. */
export async function requireSession(locale: Locale): Promise<Session> {
  const session = await currentSession();
  if (!session) redirect(localePath(locale, '/quan-tri/dang-nhap'));
  return session;
}

/** A read's data; 401 goes to the login page, anything else but ok gives null (the page shows not-found). */
export function unwrap<T>(locale: Locale, read: Read<T>): T | null {
  if (read.kind === 'unauthenticated') redirect(localePath(locale, '/quan-tri/dang-nhap'));
  return read.kind === 'ok' ? read.data : null;
}
