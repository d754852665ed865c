import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import type { ScanCountBatch, ScanCountStore } from './scan-count.store';
import { counterField, rowsFromCounters } from './scan-count.store';

/** Moves the live hash to a new batch key and records it as pending, atomically. KEYS: live, pending, batch. */
const TAKE_LIVE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[3])
redis.call('SADD', KEYS[2], KEYS[3])
return 1`;

/** Takes over a dead process's batch under a new key, atomically; only one claimer wins. KEYS: batch, new batch, pending. */
const CLAIM_BATCH = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('SREM', KEYS[3], KEYS[1])
  return 0
end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('SREM', KEYS[3], KEYS[1])
redis.call('SADD', KEYS[3], KEYS[2])
return 1`;

/**
 * Scan counts in Redis, shared by every API replica. Every scan is one HINCRBY on a hash. A flush
 * RENAMEs the hash to a batch key owned by this process (so scans keep landing in a fresh hash and
 * no two replicas ever read the same counts), writes it to the database, then deletes it. Batch keys
 * are listed in a pending set; a batch whose owner stopped sending its heartbeat (a crashed process)
 * is taken over by whichever replica flushes next, including a restarted process.
 *
 * Keys (all under REDIS_KEY_PREFIX): `scan-counts:live` (hash `YYYY-MM-DD CODE` → count),
 * `scan-counts:pending` (set of batch keys), `scan-counts:batch:<owner>:<n>` (hash),
 * `scan-counts:alive:<owner>` (heartbeat with a TTL). No IP, user agent or time of day.
 */
export class RedisScanCountStore implements ScanCountStore {
  readonly owner = randomBytes(8).toString('hex');
  private readonly live: string;
  private readonly pending: string;
  private readonly batchPrefix: string;
  private readonly alivePrefix: string;
  private sequence = 0;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    /** How long a process counts as alive after its last heartbeat; its batches are safe from takeover meanwhile. */
    private readonly aliveTtlMs: number,
  ) {
    this.live = `${keyPrefix}scan-counts:live`;
    this.pending = `${keyPrefix}scan-counts:pending`;
    this.batchPrefix = `${keyPrefix}scan-counts:batch:`;
    this.alivePrefix = `${keyPrefix}scan-counts:alive:`;
  }

  async increment(day: string, code: string): Promise<void> {
    await this.redis.hincrby(this.live, counterField(day, code), 1);
  }

  start(): void {
    void this.beat().catch(() => undefined);
    // Independent of flushing, so a slow database write never lets another replica think we died.
    this.heartbeat = setInterval(() => void this.beat().catch(() => undefined), Math.max(1000, Math.floor(this.aliveTtlMs / 3)));
    this.heartbeat.unref();
  }

  async take(): Promise<ScanCountBatch[]> {
    await this.beat();
    await this.redis.eval(TAKE_LIVE, 3, this.live, this.pending, this.nextBatchKey());
    const mine: string[] = [];
    for (const key of await this.redis.smembers(this.pending)) {
      const owner = this.ownerOf(key);
      if (owner === this.owner) {
        mine.push(key);
      } else if (owner === null || (await this.redis.exists(this.alivePrefix + owner)) === 0) {
        const claimed = this.nextBatchKey();
        if ((await this.redis.eval(CLAIM_BATCH, 3, key, claimed, this.pending)) === 1) mine.push(claimed);
      }
    }
    const batches: ScanCountBatch[] = [];
    for (const key of mine) batches.push({ id: key, rows: rowsFromCounters(Object.entries(await this.redis.hgetall(key))) });
    return batches;
  }

  async acknowledge(batch: ScanCountBatch): Promise<void> {
    await this.redis.multi().del(batch.id).srem(this.pending, batch.id).exec();
  }

  /** Stops the heartbeat and says so at once, so a batch left behind (database down) is taken over without waiting. */
  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    await this.redis.del(this.alivePrefix + this.owner);
  }

  private async beat(): Promise<void> {
    await this.redis.set(this.alivePrefix + this.owner, '1', 'PX', this.aliveTtlMs);
  }

  private nextBatchKey(): string {
    return `${this.batchPrefix}${this.owner}:${++this.sequence}`;
  }

  private ownerOf(key: string): string | null {
    if (!key.startsWith(this.batchPrefix)) return null;
    const owner = key.slice(this.batchPrefix.length).split(':')[0];
    return owner ? owner : null;
  }
}
