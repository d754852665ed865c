import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@pho-so/server/config';

export const SESSION_COOKIE = 'pho_so_session';

/** The session token from the Cookie header, or null (first cookie of that name; nothing decoded). */
export function readSessionCookie(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** Secure when configured so, or (auto) when the request came over HTTPS as Fastify sees it (TRUST_PROXY for X-Forwarded-Proto). */
const secure = (request: FastifyRequest, config: AppConfig): boolean =>
  config.COOKIE_SECURE === 'always' || (config.COOKIE_SECURE === 'auto' && request.protocol === 'https');

/**
 * HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), Path=/, Secure over
 * HTTPS. No Max-Age: a browser session cookie; the server ends the session on idle and absolute timeouts.
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, config: AppConfig, token: string): void {
  void reply.header('set-cookie', `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${secure(request, config) ? '; Secure' : ''}`);
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, config: AppConfig): void {
  void reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure(request, config) ? '; Secure' : ''}`);
}
