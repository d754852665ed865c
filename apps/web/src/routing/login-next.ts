// Where the login page sends an official after signing in (`?next=` of /quan-tri/dang-nhap, set by the
// API's queue dashboard when it sends a browser to log in). Only our own pages that need a session may
// be named, as a path on this origin: anything else (another site, `//host`, `\`, a scheme, control
// characters) is ignored, so the parameter cannot become an open redirect.

const ALLOWED = /^(?:\/api\/v1\/admin\/queues|\/quan-tri|\/en\/quan-tri)(?:[/?#]|$)/;

/** The path to go to after login, or null when `value` is missing or not one of ours. */
export function loginNext(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 512) return null;
  if (!ALLOWED.test(value)) return null;
  // No control characters, no backslashes (browsers read `\` as `/`), no dot segments (`%2e` is a dot to a URL parser).
  if (/[\u0000-\u001f\u007f\\]|%2e/i.test(value) || /(?:^|\/)\.\.?(?:[/?#]|$)/.test(value.split(/[?#]/)[0]!)) return null;
  return value;
}
