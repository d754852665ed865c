import { MemoryScanCountStore } from './memory-scan-count.store';

describe('MemoryScanCountStore', () => {
  it('moves the live counts into a batch that stays until acknowledged', async () => {
    const store = new MemoryScanCountStore();
    store.increment('2026-03-01', 'TB-233AC');
    store.increment('2026-03-01', 'TB-233AC');
    store.increment('2026-03-02', 'TB-233AC');
    const [first, ...none] = await store.take();
    expect(none).toEqual([]);
    expect(first?.rows).toEqual([
      { code: 'TB-233AC', day: '2026-03-01', delta: 2 },
      { code: 'TB-233AC', day: '2026-03-02', delta: 1 },
    ]);

    // Not acknowledged (the write failed): offered again, next to the new counts.
    store.increment('2026-03-02', 'FAKE');
    const again = await store.take();
    expect(again.map((b) => b.id)).toEqual([first?.id, expect.any(String)]);
    expect(again[1]?.rows).toEqual([{ code: 'FAKE', day: '2026-03-02', delta: 1 }]);

    for (const batch of again) await store.acknowledge(batch);
    expect(await store.take()).toEqual([]);
  });
});
