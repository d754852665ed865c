// `npm test`: Jest in shards that run at the same time (jest --shard=i/N), each a process of its own with
// its own web stack for the browser tests (their global setup runs per process), so one shard's waits
// (servers starting, timers, child processes) overlap the other's work. Why: most of the suite's time is
// spent waiting on real processes (API, worker, Next, Postgres, Redis); one Jest worker left one of the
// two cores idle half the time. The build every shard needs (server code, web app) runs once, first,
// so two shards never build the same output at once.
//
//   node tools/testing/run-tests.mjs [jest arguments]      TEST_SHARDS=1 for one process (default 2)
//
// With --outputFile=F (as .ci/run passes), each shard writes F.shard-i.json and this merges them into F
// (counts summed, test results concatenated). Each line of a shard's output is prefixed with [i/N].
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const shards = Math.max(1, Number(process.env.TEST_SHARDS ?? 2) || 1);
const args = process.argv.slice(2);
const outputArg = args.find((a) => a.startsWith('--outputFile='));
const outputFile = outputArg?.slice('--outputFile='.length);
const passThrough = args.filter((a) => a !== outputArg);

for (const script of ['tools/build/compile-node.mjs', 'tools/build/web-build.mjs']) {
  const built = spawnSync(process.execPath, [join(root, script)], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const jest = join(root, 'node_modules/jest/bin/jest.js');
const shardFile = (i) => `${outputFile}.shard-${i}.json`;

function runShard(i) {
  const shardArgs = shards > 1 ? [`--shard=${i}/${shards}`, '--passWithNoTests'] : [];
  const child = spawn(process.execPath, [jest, ...shardArgs, ...(outputFile ? [`--outputFile=${shardFile(i)}`] : []), ...passThrough], {
    cwd: root,
    env: process.env,
    stdio: ['inherit', 'pipe', 'pipe'],
  });
  const prefix = shards > 1 ? `[${i}/${shards}] ` : '';
  for (const [stream, target] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
    let pending = '';
    stream.on('data', (chunk) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop();
      if (lines.length > 0) target.write(lines.map((line) => `${prefix}${line}\n`).join(''));
    });
    stream.on('end', () => pending && target.write(`${prefix}${pending}\n`));
  }
  return new Promise((done) => child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0))));
}

const codes = await Promise.all(Array.from({ length: shards }, (_, k) => runShard(k + 1)));

if (outputFile) {
  const parts = [];
  for (let i = 1; i <= shards; i++) {
    try {
      parts.push(JSON.parse(readFileSync(shardFile(i), 'utf8')));
      rmSync(shardFile(i));
    } catch {
      // a shard that crashed wrote nothing: its exit code already fails the run
    }
  }
  const merged = { ...(parts[0] ?? {}), testResults: parts.flatMap((p) => p.testResults ?? []) };
  for (const key of Object.keys(merged)) {
    if (typeof merged[key] === 'number' && key !== 'startTime') merged[key] = parts.reduce((sum, p) => sum + (p[key] ?? 0), 0);
  }
  merged.success = parts.length === shards && parts.every((p) => p.success);
  writeFileSync(outputFile, JSON.stringify(merged));
  console.log(`${shards} shard(s): ${merged.numPassedTests ?? 0} passed, ${merged.numFailedTests ?? 0} failed, ${merged.numTotalTestSuites ?? 0} suites`);
}
process.exit(codes.some((code) => code !== 0) ? 1 : 0);
