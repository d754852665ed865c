// Splits the test files between `npm test`'s shards by how long each took in a recorded run
// (test-durations.json), instead of Jest's default split by a hash of the path. Why: the hash split
// gave equal numbers of files but not equal time; one shard ran the long process and browser tests
// and finished minutes after the other, and the run waits for the slower one.
//
// Longest first, each file to the shard with the least time so far (the classic greedy schedule), the
// same in every shard process because it depends only on the file list and the recorded times. Files
// not recorded yet (new ones) are counted with a default by kind; `npm run test:durations` records the
// times again from a run's JSON results.
const { relative, resolve, sep } = require('node:path');
const TestSequencer = require('@jest/test-sequencer').default;
const recorded = require('./test-durations.json');

const workspaceRoot = resolve(__dirname, '../..');

/** A file's path from the workspace root with forward slashes, the key the durations file uses. */
function fileKey(testPath) {
  return relative(workspaceRoot, testPath).split(sep).join('/');
}

/** Seconds a file is expected to take: its recorded time, or a default for its kind. */
function expectedSeconds(testPath) {
  const key = fileKey(testPath);
  const seconds = recorded.seconds[key];
  if (typeof seconds === 'number') return seconds;
  return /\.e2e\.spec\.[cm]?[jt]sx?$/.test(key) ? recorded.defaultSeconds.e2e : recorded.defaultSeconds.unit;
}

function longestFirst(a, b) {
  return expectedSeconds(b.path) - expectedSeconds(a.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

class DurationSequencer extends TestSequencer {
  shard(tests, { shardIndex, shardCount }) {
    const load = new Array(shardCount).fill(0);
    const mine = [];
    for (const test of [...tests].sort(longestFirst)) {
      const lightest = load.indexOf(Math.min(...load));
      load[lightest] += expectedSeconds(test.path);
      if (lightest === shardIndex - 1) mine.push(test);
    }
    return mine;
  }

  // Longest first within a shard too, so a long file never starts last and runs on alone.
  sort(tests) {
    return [...tests].sort(longestFirst);
  }
}

module.exports = DurationSequencer;
module.exports.expectedSeconds = expectedSeconds;
module.exports.fileKey = fileKey;
