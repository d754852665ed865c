import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { RedisScanCountStore } from './redis-scan-count.store';
import type { ScanCountBatch } from './scan-count.store';

const total = (batches: ScanCountBatch[]) => batches.flatMap((b) => b.rows).reduce((sum, r) => sum + r.delta, 0);

// Integration: two replicas' stores on the real Redis, sharing one key prefix as replicas do.
describe('RedisScanCountStore on the real Redis', () => {
  const prefix = `${process.env['TEST_REDIS_PREFIX'] ?? 'test:'}${randomBytes(4).toString('hex')}:`;
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const replica = () => new RedisScanCountStore(redis, prefix, 60_000);

  it('gives the live counts to exactly one replica, and leaves a live replica\'s batch alone until it acknowledges', async () => {
    const a = replica();
    const b = replica();
    for (let i = 0; i < 3; i++) await a.increment('2026-05-01', 'TB-233AC');
    for (let i = 0; i < 2; i++) await b.increment('2026-05-01', 'TB-233AC');
    await b.increment('2026-05-02', 'FAKE');

    const [takenByA, takenByB] = await Promise.all([a.take(), b.take()]);
    expect(total(takenByA) + total(takenByB)).toBe(6);
    const [winner, loser] = total(takenByA) > 0 ? [a, b] : [b, a];
    const batches = total(takenByA) > 0 ? takenByA : takenByB;
    expect(batches.flatMap((x) => x.rows)).toEqual(
      expect.arrayContaining([
        { code: 'TB-233AC', day: '2026-05-01', delta: 5 },
        { code: 'FAKE', day: '2026-05-02', delta: 1 },
      ]),
    );

    // Scans after the take land in a fresh hash; the winner's unacknowledged batch is not the loser's.
    await loser.increment('2026-05-01', 'TB-233AC');
    expect(total(await loser.take())).toBe(1);
    // Not acknowledged (say, the database write failed): the owner gets it again.
    expect(total(await winner.take())).toBe(6);

    for (const store of [a, b]) for (const batch of await store.take()) await store.acknowledge(batch);
    expect(await a.take()).toEqual([]);
    expect(await b.take()).toEqual([]);
    expect(await redis.keys(`${prefix}scan-counts:batch:*`)).toEqual([]);
  });

  it('takes over the batch of a replica that died between taking and acknowledging, exactly once', async () => {
    const dead = replica();
    const survivors = [replica(), replica()];
    for (let i = 0; i < 40; i++) await dead.increment('2026-05-03', 'TB-2KJ7C');
    expect(total(await dead.take())).toBe(40);
    // While its heartbeat lasts, it may still be writing: nobody touches its batch.
    expect(total(await survivors[0]!.take())).toBe(0);
    // It crashed: its heartbeat expires (here: is removed, as the TTL would).
    await redis.del(`${prefix}scan-counts:alive:${dead.owner}`);
    const [x, y] = await Promise.all(survivors.map((s) => s.take()));
    expect(total(x!) + total(y!)).toBe(40);
    expect(Math.min(total(x!), total(y!))).toBe(0);
    for (const s of survivors) for (const batch of await s.take()) await s.acknowledge(batch);
    expect(await redis.smembers(`${prefix}scan-counts:pending`)).toEqual([]);
  });

  it('says at once that it has stopped, so a batch it could not write is taken over without waiting', async () => {
    const closing = replica();
    const other = replica();
    closing.start();
    await closing.increment('2026-05-04', 'TB-233AC');
    await closing.take(); // the database write fails; the batch stays pending
    await closing.close();
    expect(await redis.exists(`${prefix}scan-counts:alive:${closing.owner}`)).toBe(0);
    const taken = await other.take();
    expect(total(taken)).toBe(1);
    for (const batch of taken) await other.acknowledge(batch);
  });
});
