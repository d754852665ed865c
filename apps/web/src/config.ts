/**
 * The web app's configuration, read from the environment in this one place (server-side only).
 *
 * The values are read per call, not at module load, so a standalone build picks them up from the
 * container's environment at request time rather than whatever was set during `next build`.
 */
export interface WebConfig {
  /** Base URL the web server uses to reach the API over the internal network, without a trailing slash. */
  apiInternalUrl: string;
  /** The public origin printed on plates (QR codes encode `${publicBaseUrl}/q/{code}`), for canonical links and Open Graph. */
  publicBaseUrl: string;
  /** Shared secret of POST /internal/revalidate; null disables the endpoint (it answers 404). */
  revalidateSecret: string | null;
}

const DEFAULT_API_INTERNAL_URL = 'http://127.0.0.1:3001';
const DEFAULT_PUBLIC_BASE_URL = 'http://localhost:3000';
/** Shorter secrets are refused: the endpoint is reachable by anyone who can reach the web server. */
export const MIN_REVALIDATE_SECRET_LENGTH = 16;

const withoutTrailingSlash = (url: string): string => url.replace(/\/+$/, '');

export function webConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const secret = env.REVALIDATE_SECRET?.trim() ?? '';
  return {
    apiInternalUrl: withoutTrailingSlash(env.API_INTERNAL_URL?.trim() || DEFAULT_API_INTERNAL_URL),
    publicBaseUrl: withoutTrailingSlash(env.PUBLIC_BASE_URL?.trim() || DEFAULT_PUBLIC_BASE_URL),
    revalidateSecret: secret.length >= MIN_REVALIDATE_SECRET_LENGTH ? secret : null,
  };
}
