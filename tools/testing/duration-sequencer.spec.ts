import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';

// The sequencer is plain CommonJS because Jest loads it before any transform runs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const DurationSequencer = require('./duration-sequencer.js') as {
  new (options: unknown): { shard(tests: FakeTest[], options: { shardIndex: number; shardCount: number }): FakeTest[]; sort(tests: FakeTest[]): FakeTest[] };
  expectedSeconds(path: string): number;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const recorded = require('./test-durations.json') as { seconds: Record<string, number>; defaultSeconds: { e2e: number; unit: number } };

interface FakeTest {
  path: string;
}

const root = resolve(__dirname, '../..');
const sequencer = new DurationSequencer({});
const testAt = (file: string): FakeTest => ({ path: join(root, file) });
const loadOf = (tests: FakeTest[]) => tests.reduce((sum, t) => sum + DurationSequencer.expectedSeconds(t.path), 0);

function shardsOf(tests: FakeTest[], shardCount: number): FakeTest[][] {
  return Array.from({ length: shardCount }, (_, i) => sequencer.shard(tests, { shardIndex: i + 1, shardCount }));
}

describe('the duration sequencer', () => {
  const recordedTests = Object.keys(recorded.seconds).map(testAt);

  it('puts every file in exactly one shard, whatever the order the files come in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(recordedTests, { minLength: 1 }), fc.integer({ min: 1, max: 5 }), (tests, shardCount) => {
        const shards = shardsOf(tests, shardCount);
        const placed = shards.flat().map((t) => t.path);
        expect(placed.sort()).toEqual(tests.map((t) => t.path).sort());
        // the same split from the files in another order: each shard process decides on its own
        const again = shardsOf([...tests].reverse(), shardCount);
        expect(again.map((s) => s.map((t) => t.path).sort())).toEqual(shards.map((s) => s.map((t) => t.path).sort()));
      }),
      { numRuns: 200 },
    );
  });

  it('balances the recorded suite: no shard gets more than its share plus the longest file', () => {
    const shards = shardsOf(recordedTests, 2);
    const loads = shards.map(loadOf);
    const total = loadOf(recordedTests);
    const longest = Math.max(...recordedTests.map((t) => DurationSequencer.expectedSeconds(t.path)));
    for (const load of loads) expect(load).toBeLessThanOrEqual(total / 2 + longest);
  });

  it('counts a file with no recorded time by its kind, and sorts longest first', () => {
    expect(DurationSequencer.expectedSeconds(join(root, 'apps/api/src/new-thing.e2e.spec.ts'))).toBe(recorded.defaultSeconds.e2e);
    expect(DurationSequencer.expectedSeconds(join(root, 'libs/shared/domain/src/new-thing.spec.ts'))).toBe(recorded.defaultSeconds.unit);
    const sorted = sequencer.sort(recordedTests).map((t) => DurationSequencer.expectedSeconds(t.path));
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
  });

  it('records times only for test files that exist', () => {
    expect(Object.keys(recorded.seconds).filter((file) => !existsSync(join(root, file)))).toEqual([]);
  });
});
