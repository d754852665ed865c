import { ReadinessWatchdog } from './redis-loss-watchdog';

// The watchdog's rule with a fake clock and checks driven by hand: it fires only after readiness has
// failed for the whole limit without a single good check in between.
function harness(limitMs: number) {
  let now = 0;
  let ready = true;
  const events: string[] = [];
  const watchdog = new ReadinessWatchdog({
    limitMs,
    intervalMs: 1000,
    now: () => now,
    check: async () => ({ ready, reason: 'redis down' }),
    failing: (reason) => events.push(`failing: ${reason}`),
    recovered: (ms) => events.push(`recovered after ${ms}`),
    expired: (reason, ms) => events.push(`expired after ${ms}: ${reason}`),
  });
  return {
    watchdog,
    events,
    at: async (ms: number, isReady: boolean) => {
      now = ms;
      ready = isReady;
      return watchdog.tick();
    },
  };
}

describe('ReadinessWatchdog', () => {
  it('fires once readiness has failed for the limit without a break, and only once', async () => {
    const { at, events } = harness(5000);
    await at(0, true);
    await at(1000, false);
    await at(4000, false);
    expect(events).toEqual(['failing: redis down']);
    await at(6000, false);
    await at(7000, false);
    expect(events).toEqual(['failing: redis down', 'expired after 5000: redis down']);
  });

  it('starts counting again after one good check (a short Redis restart)', async () => {
    const { at, events } = harness(5000);
    await at(0, false);
    await at(4000, false);
    await at(4500, true);
    await at(5000, false);
    await at(9000, false);
    expect(events).toEqual(['failing: redis down', 'recovered after 4500', 'failing: redis down']);
    await at(10_000, false);
    expect(events.at(-1)).toBe('expired after 5000: redis down');
  });

  it('counts a check that throws as not ready', async () => {
    const events: string[] = [];
    let now = 0;
    const watchdog = new ReadinessWatchdog({
      limitMs: 5000,
      intervalMs: 1000,
      now: () => now,
      check: () => Promise.reject(new Error('boom')),
      expired: (reason) => events.push(reason),
    });
    expect(await watchdog.tick()).toBe(false);
    now = 5000;
    await watchdog.tick();
    expect(events).toEqual(['boom']);
  });

  it('never fires once stopped (the process is shutting down on purpose)', async () => {
    const { at, events, watchdog } = harness(5000);
    await at(0, false);
    watchdog.stop();
    await at(10_000, false);
    expect(events).toEqual(['failing: redis down']);
  });
});
