import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new session: the token goes to the browser (cookie), only its SHA-256 is stored. */
export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
}

/** The stored id of a cookie token: hex SHA-256 of the token text. */
export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A CSRF synchronizer token (32 random bytes, base64url). */
export const newCsrfToken = (): string => randomBytes(32).toString('base64url');

/** Constant-time comparison of two tokens of any length. */
export function tokensEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}

/** Session lifetime rules: idle timeout from the last request, absolute timeout from login. */
export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export type SessionState = 'valid' | 'idle-expired' | 'absolute-expired';

export function sessionState(session: SessionTimes, now: Date, idleMs: number): SessionState {
  if (now.getTime() >= session.expiresAt.getTime()) return 'absolute-expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= idleMs) return 'idle-expired';
  return 'valid';
}
