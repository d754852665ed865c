import type Redis from 'ioredis';

/** Failures recorded against one key (a client address or an account). */
export interface FailureRecord {
  failures: number;
  lastFailureMs: number;
}

/** Where failures are counted: Redis when configured (shared by replicas), else this process's memory. */
export interface ThrottleStore {
  get(key: string): Promise<FailureRecord | null>;
  recordFailure(key: string, nowMs: number, ttlMs: number): Promise<FailureRecord>;
  reset(key: string): Promise<void>;
}

export interface ThrottlePolicy {
  /** Failures allowed before delays start. */
  freeFailures: number;
  /** First delay, doubled with every further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long is forgotten. */
  forgetAfterMs: number;
}

/** Per account: after 5 failures 1 s, 2 s, 4 s … up to 15 min. */
export const ACCOUNT_THROTTLE: ThrottlePolicy = { freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, forgetAfterMs: 24 * 3_600_000 };
/** Per client address: a ward office shares one address, so more failures are free before delays start. */
export const CLIENT_THROTTLE: ThrottlePolicy = { freeFailures: 20, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, forgetAfterMs: 24 * 3_600_000 };

/** How long after its last failure a key must wait; 0 while within the free failures. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const exponent = failures - policy.freeFailures;
  // 2^exponent overflows nothing below 2^53; cap the exponent well before that.
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 40));
}

export type ThrottleKey = { key: string; policy: ThrottlePolicy };

/**
 * Login throttling with growing delays and no hard lockout: a key (client address, account) that
 * has failed `freeFailures` times must wait `baseDelayMs`, doubling with each further failure, up to
 * `maxDelayMs`, counted from its last failure. A success resets the account's key.
 */
export class LoginThrottle {
  constructor(
    private readonly store: ThrottleStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when an attempt may be made now, else milliseconds to wait (the largest over the keys). */
  async waitMs(keys: ThrottleKey[]): Promise<number> {
    const now = this.now();
    let wait = 0;
    for (const { key, policy } of keys) {
      const record = await this.store.get(key);
      if (!record) continue;
      const delay = delayAfter(record.failures, policy);
      if (delay > 0) wait = Math.max(wait, record.lastFailureMs + delay - now);
    }
    return Math.max(0, wait);
  }

  async recordFailure(keys: ThrottleKey[]): Promise<void> {
    const now = this.now();
    for (const { key, policy } of keys) await this.store.recordFailure(key, now, policy.forgetAfterMs);
  }

  reset(key: string): Promise<void> {
    return this.store.reset(key);
  }
}

/** In-process store; bounded, oldest keys dropped first. */
export class MemoryThrottleStore implements ThrottleStore {
  private readonly records = new Map<string, FailureRecord & { expiresMs: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  async get(key: string): Promise<FailureRecord | null> {
    const record = this.records.get(key);
    if (!record) return null;
    if (record.expiresMs <= this.now()) {
      this.records.delete(key);
      return null;
    }
    return { failures: record.failures, lastFailureMs: record.lastFailureMs };
  }

  async recordFailure(key: string, nowMs: number, ttlMs: number): Promise<FailureRecord> {
    const previous = await this.get(key);
    const next = { failures: (previous?.failures ?? 0) + 1, lastFailureMs: nowMs, expiresMs: nowMs + ttlMs };
    this.records.delete(key); // re-insert at the end: Map order is the eviction order
    this.records.set(key, next);
    while (this.records.size > this.maxKeys) {
      const oldest = this.records.keys().next().value;
      if (oldest === undefined) break;
      this.records.delete(oldest);
    }
    return { failures: next.failures, lastFailureMs: next.lastFailureMs };
  }

  async reset(key: string): Promise<void> {
    this.records.delete(key);
  }
}

/** Redis store: one hash per key (`failures`, `last`), expiring `forgetAfterMs` after the last failure. */
export class RedisThrottleStore implements ThrottleStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<FailureRecord | null> {
    const [failures, last] = await this.redis.hmget(this.prefix + key, 'failures', 'last');
    if (!failures || !last) return null;
    return { failures: Number(failures), lastFailureMs: Number(last) };
  }

  async recordFailure(key: string, nowMs: number, ttlMs: number): Promise<FailureRecord> {
    const k = this.prefix + key;
    const result = await this.redis.multi().hincrby(k, 'failures', 1).hset(k, 'last', String(nowMs)).pexpire(k, ttlMs).exec();
    const failures = Number(result?.[0]?.[1] ?? 1);
    return { failures, lastFailureMs: nowMs };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
