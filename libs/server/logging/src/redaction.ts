/**
 * What never reaches a log line. Two layers: pino's `redact` for known keys in logged objects, and
 * `maskUrlCredentials` for text (messages, error messages and stacks), where a connection string such
 * as DATABASE_URL or REDIS_URL with a password can appear, e.g. in a driver's connection error.
 */

const CENSOR = '[redacted]';
export { CENSOR as REDACTED };

/** Keys whose values are secrets wherever they appear (bodies, headers, error details). */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'csrfToken',
  'secret',
  'authorization',
  'cookie',
  'set-cookie',
  'x-admin-token',
  'x-csrf-token',
  'proxy-authorization',
];

/**
 * pino's redact has no "any depth" wildcard (`*.password` is exactly one level), so each key is
 * listed at the depths our lines have: `{ req: { headers: { cookie } } }` is depth 2, a logged
 * request body's nested field depth 3.
 */
const MAX_DEPTH = 3;

function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of SECRET_KEYS) {
    const last = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    for (let depth = 0; depth <= MAX_DEPTH; depth++) {
      const prefix = '*.'.repeat(depth);
      paths.push(last.startsWith('[') ? `${prefix.replace(/\.$/, '')}${last}` : `${prefix}${last}`);
    }
  }
  return paths;
}

export const REDACT_PATHS: readonly string[] = redactPaths();

/** `scheme://user:password@host` → `scheme://user:***@host` (also `scheme://:password@`). */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/]*):[^\s@/]*@/gi;

export function maskUrlCredentials(text: string): string {
  return text.includes('://') ? text.replace(URL_CREDENTIALS, '$1:***@') : text;
}
