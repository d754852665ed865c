import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { QUEUE_JOB_STATES, type QueueJobCounts } from '@pho-so/server/queue';

// Framework-free: the platform's Prometheus metrics on a registry of their own (never prom-client's
// global one), so several apps in one process (tests) keep separate counts. The Nest side
// (MetricsService) only decides where the scrape-time readings come from.

/** Prefix of the platform's own metrics and of Node's default process metrics. */
export const METRIC_PREFIX = 'pho_so_';

/** Route label of a request no route matched (404s, routing errors): raw URLs never become labels. */
export const UNMATCHED_ROUTE = 'unmatched';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Seconds; the cached scan path answers well under a millisecond, so the buckets start at 1 ms. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** How long a scrape waits for Redis or the database before leaving a reading out. */
const SOURCE_TIMEOUT_MS = 2000;

/** QR batch progress summed over the unfinished (queued or running) batches. */
export interface QrBatchProgress {
  unfinishedBatches: number;
  queued: number;
  done: number;
  failed: number;
}

/** Readings taken at scrape time; a reading that fails or is slow is left out of that scrape. */
export interface MetricSources {
  queueJobs?: () => Promise<QueueJobCounts>;
  qrBatches?: () => Promise<QrBatchProgress>;
}

export interface PhoSoMetricsOptions {
  /** Node's process metrics (CPU, memory, event loop lag, GC, handles), prefixed `pho_so_`. */
  defaultMetrics: boolean;
  /** Constant labels on every series (e.g. `{ service: 'worker' }`). */
  labels?: Record<string, string>;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class PhoSoMetrics {
  readonly registry = new Registry();
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** Scan beacons counted by this process (each one increment of the live counter). */
  readonly plateScans: Counter;
  /** Scans whose increment failed (Redis unreachable); they are missing from scan_count. */
  readonly plateScansLost: Counter;
  private sources: MetricSources = {};

  constructor(options: PhoSoMetricsOptions) {
    if (options.labels) this.registry.setDefaultLabels(options.labels);
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
    const registers = [this.registry];
    this.httpRequestDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving an HTTP request to the end of its response, by method, route template and status code.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.plateScans = new Counter({
      name: `${METRIC_PREFIX}plate_scans_total`,
      help: 'Plate scans (scan.gif beacons with a countable code) counted by this process.',
      registers,
    });
    this.plateScansLost = new Counter({
      name: `${METRIC_PREFIX}plate_scans_lost_total`,
      help: 'Plate scans this process could not count (the counter store failed).',
      registers,
    });
    const sourceUp = new Gauge({
      name: `${METRIC_PREFIX}metrics_source_up`,
      help: 'Whether the last scrape could read this source (1) or left its metrics out (0).',
      labelNames: ['source'],
      registers,
    });
    const read = async <T>(source: string, reading: (() => Promise<T>) | undefined): Promise<T | undefined> => {
      if (!reading) return undefined;
      try {
        const value = await withTimeout(reading(), SOURCE_TIMEOUT_MS);
        sourceUp.set({ source }, 1);
        return value;
      } catch {
        sourceUp.set({ source }, 0);
        return undefined;
      }
    };
    const sources = () => this.sources;
    new Gauge({
      name: `${METRIC_PREFIX}queue_jobs`,
      help: 'Jobs in the platform queue per state, read at scrape time (BullMQ on Redis, or the in-process runner).',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        const jobs = await read('queue', sources().queueJobs);
        if (jobs) for (const state of QUEUE_JOB_STATES) this.set({ queue: jobs.queue, state }, jobs.counts[state]);
      },
    });
    // One query feeds both gauges; the second waits for the reading the first started.
    let batches: Promise<QrBatchProgress | undefined> | null = null;
    const readBatches = (): Promise<QrBatchProgress | undefined> => (batches ??= read('qr_batches', sources().qrBatches).finally(() => (batches = null)));
    new Gauge({
      name: `${METRIC_PREFIX}qr_batch_items`,
      help: 'Items of the unfinished QR batches (queued or running) per state, read from the database at scrape time.',
      labelNames: ['state'],
      registers,
      async collect() {
        this.reset();
        const progress = await readBatches();
        if (progress) for (const state of ['queued', 'done', 'failed'] as const) this.set({ state }, progress[state]);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}qr_batches_unfinished`,
      help: 'QR batches queued or running, read from the database at scrape time.',
      registers,
      async collect() {
        this.reset();
        const progress = await readBatches();
        if (progress) this.set(progress.unfinishedBatches);
      },
    });
  }

  /** Where the scrape-time readings come from (set once the app's providers exist). */
  useSources(sources: MetricSources): void {
    this.sources = { ...this.sources, ...sources };
  }

  /** Records one HTTP request; `route` is the route template, undefined when no route matched. */
  observeHttpRequest(method: string, route: string | undefined, statusCode: number, seconds: number): void {
    this.httpRequestDuration.observe(
      { method: METHODS.has(method) ? method : 'OTHER', route: route ?? UNMATCHED_ROUTE, status_code: String(statusCode) },
      seconds,
    );
  }

  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
