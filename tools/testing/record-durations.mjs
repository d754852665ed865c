// Records how long each test file took, from a Jest JSON results file (the one `.ci/run` writes), into
// tools/testing/test-durations.json, which the duration sequencer uses to balance `npm test`'s shards.
//
//   npm run test:durations [-- tmp/jest-results.json]
//
// Times are whole seconds (at least 1), so the file changes only when a test file's time really does.
// Files missing from the results keep their old time if they still exist; deleted files are dropped.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const resultsPath = resolve(process.argv[2] ?? join(root, 'tmp/jest-results.json'));
const durationsPath = join(root, 'tools/testing/test-durations.json');

const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
if (!Array.isArray(results.testResults) || results.testResults.length === 0) {
  console.error(`${resultsPath} holds no test results (run \`npm test -- --json --outputFile=${relative(root, resultsPath)}\` first)`);
  process.exit(2);
}
const previous = JSON.parse(readFileSync(durationsPath, 'utf8'));

const seconds = {};
for (const [file, time] of Object.entries(previous.seconds)) {
  if (existsSync(join(root, file))) seconds[file] = time;
}
/** The file's path in this checkout: results from another clone (a CI run's) name their own root. */
function fileInThisCheckout(name) {
  const parts = name.split(sep);
  for (let i = 1; i < parts.length; i++) {
    const candidate = parts.slice(i).join('/');
    if (existsSync(join(root, candidate)) && join(root, candidate) !== root) return candidate;
  }
  return null;
}

let measured = 0;
for (const result of results.testResults) {
  const { startTime, endTime } = result;
  const file = fileInThisCheckout(result.name);
  if (typeof startTime !== 'number' || typeof endTime !== 'number' || !file) continue;
  seconds[file] = Math.max(1, Math.round((endTime - startTime) / 1000));
  measured++;
}

const sorted = Object.fromEntries(Object.entries(seconds).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(durationsPath, `${JSON.stringify({ ...previous, seconds: sorted }, null, 2)}\n`);
const total = Object.values(sorted).reduce((sum, s) => sum + s, 0);
console.log(`${measured} files measured; ${Object.keys(sorted).length} recorded, ${Math.round(total / 60)} min in all -> ${relative(root, durationsPath)}`);
