import { Logger } from '@nestjs/common';
import type { ScanCountSink } from './scan-count.repository';
import { counterField, rowsFromCounters, type ScanCountBatch, type ScanCountDelta, type ScanCountStore } from './scan-count.store';
import { ScanCounterService } from './scan-counter.service';

/** A store whose increments land only when the test says so, and that remembers what it was told. */
class FakeStore implements ScanCountStore {
  live = new Map<string, number>();
  unacknowledged = new Map<string, ScanCountBatch>();
  acknowledged: string[] = [];
  closed = false;
  failIncrements = false;
  private landing: (() => void)[] = [];
  private sequence = 0;
  async = false;

  increment(day: string, code: string): Promise<void> | void {
    if (this.failIncrements) throw new Error('store down');
    const land = () => void this.live.set(counterField(day, code), (this.live.get(counterField(day, code)) ?? 0) + 1);
    if (!this.async) return land();
    return new Promise<void>((resolve) => this.landing.push(() => (land(), resolve())));
  }

  /** Lets every increment issued so far land. */
  land(): void {
    for (const land of this.landing.splice(0)) land();
  }

  async take(): Promise<ScanCountBatch[]> {
    if (this.live.size > 0) {
      const id = `b${++this.sequence}`;
      this.unacknowledged.set(id, { id, rows: rowsFromCounters(this.live) });
      this.live = new Map();
    }
    return [...this.unacknowledged.values()];
  }

  async acknowledge(batch: ScanCountBatch): Promise<void> {
    this.unacknowledged.delete(batch.id);
    this.acknowledged.push(batch.id);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

class FakeSink implements ScanCountSink {
  rows: ScanCountDelta[] = [];
  failures = 0;
  async add(rows: readonly ScanCountDelta[]): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('database down');
    }
    this.rows.push(...rows);
  }
  total(code: string): number {
    return this.rows.filter((r) => r.code === code).reduce((sum, r) => sum + r.delta, 0);
  }
}

function setup(now = new Date('2026-05-01T03:00:00Z')) {
  const store = new FakeStore();
  const sink = new FakeSink();
  const counter = new ScanCounterService(store, sink, { SCAN_FLUSH_INTERVAL_MS: 3_600_000 }, () => now);
  return { store, sink, counter };
}

describe('ScanCounterService', () => {
  let errors: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errors.mockRestore());

  it('counts scans under the normalised code and the local day, and writes them on flush', async () => {
    const { sink, counter } = setup(new Date('2026-04-30T17:30:00Z')); // 00:30 on 1 May in Vietnam
    counter.record('tb 233ac');
    counter.record('TB-233AC');
    counter.record('not-ours');
    const result = await counter.flush();
    expect(result).toEqual({ written: 1, scans: 3, failed: 0 });
    expect(sink.rows).toEqual(
      expect.arrayContaining([
        { code: 'TB-233AC', day: '2026-05-01', delta: 2 },
        { code: 'NOTOURS', day: '2026-05-01', delta: 1 },
      ]),
    );
  });

  it('ignores input with nothing countable in it', async () => {
    const { sink, counter } = setup();
    counter.record(' -- ');
    await counter.flush();
    expect(sink.rows).toEqual([]);
  });

  it('waits for increments already issued before taking the counts', async () => {
    const { store, sink, counter } = setup();
    store.async = true;
    for (let i = 0; i < 5; i++) counter.record('TB-233AC');
    const flushed = counter.flush();
    setImmediate(() => store.land()); // after every microtask: a flush that did not wait would have taken nothing
    await flushed;
    expect(sink.total('TB-233AC')).toBe(5);
  });

  it('keeps a batch whose write failed and writes it on the next flush: nothing lost, nothing twice', async () => {
    const { store, sink, counter } = setup();
    for (let i = 0; i < 7; i++) counter.record('TB-233AC');
    sink.failures = 1;
    expect(await counter.flush()).toEqual({ written: 0, scans: 0, failed: 1 });
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/will retry: database down/));
    expect(store.unacknowledged.size).toBe(1);
    counter.record('TB-233AC');
    const result = await counter.flush();
    expect(result.failed).toBe(0);
    expect(sink.total('TB-233AC')).toBe(8);
    expect(store.unacknowledged.size).toBe(0);
    await counter.flush();
    expect(sink.total('TB-233AC')).toBe(8);
  });

  it('never throws from record, even when the store does, and reports lost scans at the next flush without naming them', async () => {
    const { store, counter } = setup();
    store.failIncrements = true;
    expect(() => counter.record('TB-233AC')).not.toThrow();
    expect(errors).not.toHaveBeenCalled(); // nothing logged per scan: its timestamp would be the time of a scan
    await counter.flush();
    expect(errors).toHaveBeenCalledWith('1 scan(s) could not be counted since the last flush: store down');
  });

  it('runs one flush at a time: concurrent calls add up to exactly the scans recorded', async () => {
    const { sink, counter } = setup();
    const flushes: Promise<unknown>[] = [];
    for (let i = 0; i < 100; i++) {
      counter.record('TB-233AC');
      if (i % 10 === 0) flushes.push(counter.flush());
    }
    flushes.push(counter.flush());
    await Promise.all(flushes);
    expect(sink.total('TB-233AC')).toBe(100);
  });

  it('flushes on shutdown, before and after the HTTP server stops, then closes the store and counts no more', async () => {
    const { store, sink, counter } = setup();
    counter.onApplicationBootstrap();
    counter.record('TB-233AC');
    await counter.beforeApplicationShutdown();
    expect(sink.total('TB-233AC')).toBe(1);
    counter.record('TB-233AC'); // a request still answered while the server closes
    await counter.onApplicationShutdown();
    expect(sink.total('TB-233AC')).toBe(2);
    expect(store.closed).toBe(true);
    counter.record('TB-233AC');
    await counter.beforeApplicationShutdown(); // a second close() is harmless
    await counter.onApplicationShutdown();
    expect(sink.total('TB-233AC')).toBe(2);
  });

  it('never hangs a shutdown when the store does not answer (Redis down): gives up after its budget and says so', async () => {
    jest.useFakeTimers();
    try {
      const { store, counter } = setup();
      store.take = () => new Promise<never>(() => undefined);
      counter.record('TB-233AC');
      let done = false;
      const shutdown = (async () => {
        await counter.beforeApplicationShutdown();
        await counter.onApplicationShutdown();
        done = true;
      })();
      await jest.advanceTimersByTimeAsync(9_999);
      expect(done).toBe(false);
      await jest.runAllTimersAsync(); // the budget (10 s) is for both flushes and closing the store together
      await shutdown;
      expect(done).toBe(true);
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/not written at shutdown: gave up after 10 s/));
    } finally {
      jest.useRealTimers();
    }
  });
});
