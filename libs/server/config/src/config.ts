import { z } from 'zod';

/**
 * The one place where the server side reads its environment. Everything else receives a typed
 * `AppConfig`; a bad value stops the process at start-up with a message naming the variable.
 */
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.string().url().optional())
  .optional();

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Lowest level written to the JSON logs; default `warn` under NODE_ENV=test (quiet tests), else `info`. */
  LOG_LEVEL: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v.toLowerCase()))
    .pipe(z.enum(LOG_LEVELS).optional())
    .optional(),
  /** Postgres server; when absent the embedded PGlite engine is used. */
  DATABASE_URL: optionalUrl,
  /** Folder for the embedded PGlite database (ignored when DATABASE_URL is set). */
  DATA_DIR: z.string().min(1).default('.data'),
  /** Redis for BullMQ; when absent jobs run in-process. */
  REDIS_URL: optionalUrl,
  /** Prefix of every Redis key the platform writes (queues, counters, rate limits). */
  REDIS_KEY_PREFIX: z.string().min(1).max(64).default('pho-so:'),
  API_HOST: z.string().min(1).default('0.0.0.0'),
  API_PORT: port(3001),
  WEB_PORT: port(3000),
  /** Public origin printed on plates and used in links (no trailing slash). */
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .default('http://localhost:3000')
    .transform((v) => v.replace(/\/+$/, '')),
  /** Internal origin the web app uses to reach the API. */
  API_INTERNAL_URL: z
    .string()
    .url()
    .default('http://127.0.0.1:3001')
    .transform((v) => v.replace(/\/+$/, '')),
  /**
   * How often the worker looks for queued QR batch items whose job is no longer in Redis (lost in a
   * Redis restart without persistence, or deduplicated onto a job that had already recorded its
   * result) and enqueues them again.
   */
  QUEUE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** Requests per minute one client may make to the public API before getting 429. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** How often each API process writes the plate scan counts it collected (Redis or memory) to the database. */
  SCAN_FLUSH_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  /**
   * Longest time (seconds) an API process serves a cacheable GET response from memory before asking
   * the database again; never longer than the response's own max-age. 0 turns the cache off.
   */
  RESPONSE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Trust X-Forwarded-For from a reverse proxy (nginx in front); off when the API faces clients directly. */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Load the demo city from data/ when the database holds no administrative units. */
  LOAD_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Folder of the project's demo dataset (relative to the working directory). */
  DEMO_DATA_DIR: z.string().min(1).default('data'),
  /**
   * Bearer token of the admin endpoints (QR batches), for automation. Unset: those endpoints answer
   * 401 saying the token is not configured.
   */
  ADMIN_TOKEN: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional())
    .optional(),
  /** Officials' sessions end after this many minutes without a request (idle timeout). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Officials' sessions end this many hours after login whatever happens (absolute timeout). */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /**
   * The session cookie's Secure attribute: `auto` when the request came over HTTPS (as Fastify sees
   * it: X-Forwarded-Proto counts only with TRUST_PROXY=true), `always`, or `never`.
   */
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  /**
   * Internal origin of the web app (e.g. http://web:3000), where the API and the worker POST
   * /internal/revalidate after an official's edit. Unset: pages refresh only on their ISR interval.
   */
  WEB_INTERNAL_URL: optionalUrl,
  /** The web app's revalidation secret, sent as a bearer token with WEB_INTERNAL_URL (at least 16 characters). */
  REVALIDATE_SECRET: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.string().min(16, 'must be at least 16 characters, the same value as the web app\'s').optional())
    .optional(),
  /** Folder of the rendered QR assets and bundles (local storage driver); default DATA_DIR/assets. */
  ASSET_DIR: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .optional(),
  /**
   * Port of the internal ops listener (GET /metrics, /health/live, /health/ready) of the API and the
   * worker, never published. Unset or empty: no ops listener. 0: an ephemeral port (tests).
   */
  OPS_PORT: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().int().min(0).max(65535).optional(),
  ),
  /** Address the ops listener binds to. */
  OPS_HOST: z.string().trim().min(1).default('0.0.0.0'),
  /**
   * The worker exits with code 1 (for its restart policy to start it again) once its readiness (the
   * database and its Redis connections) has failed for this many seconds without a break.
   */
  WORKER_REDIS_LOST_EXIT_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
});

export type AppConfig = Omit<z.infer<typeof configSchema>, 'ASSET_DIR' | 'LOG_LEVEL'> & {
  ASSET_DIR: string;
  LOG_LEVEL: (typeof LOG_LEVELS)[number];
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return {
    ...parsed.data,
    ASSET_DIR: parsed.data.ASSET_DIR ?? `${parsed.data.DATA_DIR.replace(/\/+$/, '')}/assets`,
    LOG_LEVEL: parsed.data.LOG_LEVEL ?? (parsed.data.NODE_ENV === 'test' ? 'warn' : 'info'),
  };
}
