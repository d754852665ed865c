/**
 * The web app's configuration, read from the environment in this one place (server-side only).
 *
 * The values are read per call, not at module load, so a standalone build picks them up from the
 * container's environment at request time rather than whatever was set during `next build`.
 */
export interface WebConfig {
  /** Base URL the web server uses to reach the API over the internal network, without a trailing slash. */
  apiInternalUrl: string;
}

const DEFAULT_API_INTERNAL_URL = 'http://127.0.0.1:3001';

export function webConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const raw = env.API_INTERNAL_URL?.trim() || DEFAULT_API_INTERNAL_URL;
  return { apiInternalUrl: raw.replace(/\/+$/, '') };
}
