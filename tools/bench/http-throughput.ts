// Benchmark (not a test): HTTP throughput of the public read path against a plain node:http server.
//
//   tools/bench/http-throughput.sh [options]        (compiles, then runs the line below)
//   node dist/node/tools/bench/http-throughput.js [--duration 10] [--connections 50] [--threads 2]
//        [--runs 2] [--warmup 3] [--redis] [--cpu-prof] [--path /api/v1/…]…
//
// 1. A fresh Postgres database, migrated, with the demo city of data/ loaded.
// 2. The real API in production mode as a child process (dist/node/apps/api/src/main.js).
// 3. For each endpoint, the API's response is recorded once (bytes, content-type, ETag,
//    cache-control) and a plain node:http child process serves exactly those bytes: the baseline.
// 4. wrk (Debian package) at 50 connections, 2 threads, 10 s against each, after a 3 s warm-up of
//    both, alternating API/plain (ABBA order over two runs) because the machine is shared and noisy.
// 5. Per run, CPU time of the server and of its Postgres backends (/proc) and statements and scans
//    per request (pg_stat_*): what a request costs, which a noisy neighbour does not change.
// 6. --cpu-prof: afterwards, one profiled run per endpoint and a summary of where the API's CPU goes.
// An endpoint that does not answer 200 is skipped and said so; if none does, GET /api/v1/admin-units/12439.
// Every child process is stopped and the database dropped at the end, also on failure or Ctrl-C.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMigratedDataSource } from '@pho-so/server/db/testing';
import { loadDemoCity } from '@pho-so/server/dataset';
import { Client } from 'pg';
import { freePort } from '../testing/web-stack';
import { formatProfileSummary, summarizeCpuProfile } from './lib/cpu-profile';
import { describeCheckout } from './lib/checkout';
import { ChildProcesses, waitUntilReady, type ReadyWait } from './lib/child-processes';
import { machineDescription } from './lib/machine';
import { cpuDelta, machineCpuMs, procAvailable, processCpuMs, snapshot } from './lib/proc-cpu';
import { runWrk, socketErrors, wrkArgs, type WrkResult } from './lib/wrk';

const ROOT = resolve(__dirname, '../../../..');
const API_MAIN = join(ROOT, 'dist/node/apps/api/src/main.js');
const PLAIN_SERVER = join(ROOT, 'dist/node/tools/bench/plain-server.js');
const PROFILER_PRELOAD = join(ROOT, 'dist/node/tools/bench/cpu-profiler-preload.js');
const FALLBACK_PATH = '/api/v1/admin-units/12439';

interface Options {
  duration: number;
  connections: number;
  threads: number;
  runs: number;
  redis: boolean;
  cpuProf: boolean;
  warmup: number;
  paths: string[];
}

function parseOptions(argv: string[]): Options {
  const options: Options = { duration: 10, connections: 50, threads: 2, runs: 2, redis: false, cpuProf: false, warmup: 3, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--redis') options.redis = true;
    else if (flag === '--cpu-prof') options.cpuProf = true;
    else {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${flag}: missing value`);
      if (flag === '--path') {
        if (!value.startsWith('/')) throw new Error(`--path: expected /api/…, got ${value}`);
        options.paths.push(value);
        continue;
      }
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag}: expected a positive integer, got ${value}`);
      if (flag === '--duration') options.duration = n;
      else if (flag === '--connections') options.connections = n;
      else if (flag === '--threads') options.threads = n;
      else if (flag === '--runs') options.runs = n;
      else if (flag === '--warmup') options.warmup = n;
      else throw new Error(`unknown option ${flag}`);
    }
  }
  return options;
}

// Every server and wrk run of this benchmark: stopped, and the clean-up steps run, at the end, on failure or on Ctrl-C.
const processes = new ChildProcesses({ cwd: ROOT, signalMessage: 'stopping child processes and dropping the database', signalCountsAsFailure: false });

// How long a server may take to answer after its start.
const READY_WAIT: ReadyWait = { timeoutMs: 60_000 };

// --- the demo city: a plate and its street ------------------------------------------------------

function demoPlate(): { code: string; streetSlug: string } {
  const read = (file: string) => (JSON.parse(readFileSync(join(ROOT, 'data', file), 'utf8')) as { records: Record<string, unknown>[] }).records;
  const slugs = new Set(read('streets.json').map((s) => s['slug']));
  const plate = read('plates.json').find((p) => p['status'] === 'active' && slugs.has(p['streetSlug']));
  if (!plate) throw new Error('data/plates.json: no active plate on a known street');
  return { code: String(plate['code']), streetSlug: String(plate['streetSlug']) };
}

// --- main ---------------------------------------------------------------------------------------

interface Target {
  name: string;
  path: string;
}

interface Measurement {
  target: string;
  run: number;
  server: 'api' | 'plain';
  result: WrkResult;
  /** CPU milliseconds during the wrk run: the server process, the Postgres backends of the bench database, the whole machine. */
  cpu?: { serverMs: number; postgresMs: number; machineBusyMs: number; machineTotalMs: number };
  /** Work in the bench database during the run (pg_stat_database / pg_stat_user_tables deltas). */
  db?: { statements: number; seqScans: number; indexScans: number; tuplesRead: number };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const wrk = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (wrk.error) throw new Error('wrk not found: apt-get update && apt-get install -y wrk');
  for (const file of [API_MAIN, PLAIN_SERVER]) if (!existsSync(file)) throw new Error(`${file} missing: run node tools/build/compile-node.mjs`);

  const work = mkdtempSync(join(tmpdir(), 'pho-so-bench-'));
  // Kept when the run fails: the servers' logs are in it.
  processes.onCleanUp(async () => {
    if (process.exitCode) console.error(`logs kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });
  const postgresVersion = spawnSync('psql', ['--version'], { encoding: 'utf8' }).stdout?.trim();
  console.log(`http-throughput: ${new Date().toISOString()}`);
  console.log(`machine: ${machineDescription()}`);
  console.log(`code: ${describeCheckout(ROOT)}`);
  console.log(`wrk: ${(wrk.stdout || wrk.stderr).split('\n')[0]}`);
  console.log(`options: ${JSON.stringify(options)}`);

  // 1. Database with the demo city.
  const db = await createMigratedDataSource('postgres');
  processes.onCleanUp(() => db.dispose());
  const serverVersion = ((await db.dataSource.query('SHOW server_version')) as { server_version: string }[])[0]?.server_version ?? '?';
  await db.dataSource.transaction((manager) => loadDemoCity(manager, join(ROOT, 'data')));
  await db.dataSource.destroy(); // the API opens its own pool
  // One connection of our own, to find the Postgres backends serving the API (their CPU time is read from /proc).
  const monitor = new Client({ connectionString: db.database.env.DATABASE_URL });
  await monitor.connect();
  processes.onCleanUp(() => monitor.end());
  const backends = async (): Promise<number[]> =>
    ((await monitor.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).rows as { pid: number }[]).map(
      (row) => row.pid,
    );
  // Committed transactions ≈ statements (the API runs its reads in autocommit), and scans by kind.
  const dbCounters = async () => {
    const rows = (
      await monitor.query(
        `SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database())::float8 AS statements,
                (SELECT tup_returned + tup_fetched FROM pg_stat_database WHERE datname = current_database())::float8 AS "tuplesRead",
                (SELECT coalesce(sum(seq_scan), 0) FROM pg_stat_user_tables)::float8 AS "seqScans",
                (SELECT coalesce(sum(idx_scan), 0) FROM pg_stat_user_tables)::float8 AS "indexScans"`,
      )
    ).rows as { statements: number; tuplesRead: number; seqScans: number; indexScans: number }[];
    return rows[0] as { statements: number; tuplesRead: number; seqScans: number; indexScans: number };
  };
  console.log(`database: Postgres ${serverVersion} (client ${postgresVersion ?? '?'}), demo city loaded`);

  // 2. The API, production mode.
  const apiPort = await freePort();
  const redisPrefix = `bench-${randomBytes(4).toString('hex')}:`;
  const apiEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? ROOT,
    NODE_ENV: 'production',
    DATABASE_URL: db.database.env.DATABASE_URL as string,
    API_HOST: '127.0.0.1',
    API_PORT: String(apiPort),
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOAD_DEMO_DATA: 'false',
    DATA_DIR: join(work, 'data'),
    ...(options.redis ? { REDIS_URL: process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: redisPrefix } : {}),
    ...extra,
  });
  const apiBase = `http://127.0.0.1:${apiPort}`;
  const startApi = async (args: string[] = [], extra: Record<string, string> = {}) => {
    const child = processes.start('api', process.execPath, [...args, API_MAIN], apiEnv(extra), join(work, 'api.log'));
    await waitUntilReady(`${apiBase}/api/health/ready`, child, 'api', READY_WAIT);
    return child;
  };
  let api = await startApi();
  console.log(`api: ${apiBase} (pid ${api.pid}, NODE_ENV=production, ${options.redis ? `Redis, prefix ${redisPrefix}` : 'no Redis: in-process rate limit'})`);

  // 3. Targets: the two endpoints of the scan path, or what is asked for; the admin unit if none answers.
  const plate = demoPlate();
  const wanted: Target[] =
    options.paths.length > 0
      ? options.paths.map((path) => ({ name: path, path }))
      : [
          { name: 'GET /plates/{code}', path: `/api/v1/plates/${encodeURIComponent(plate.code)}` },
          {
            name: 'GET /streets/{slug}/service-points?from={code}',
            path: `/api/v1/streets/${encodeURIComponent(plate.streetSlug)}/service-points?from=${encodeURIComponent(plate.code)}`,
          },
        ];
  const fixture: Record<string, { status: number; headers: Record<string, string>; bodyBase64: string }> = {};
  const targets: Target[] = [];
  const probe = async (target: Target) => {
    const response = await fetch(`${apiBase}${target.path}`);
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) {
      console.log(`skip ${target.path}: the API answers ${response.status} ${body.toString('utf8').slice(0, 200)}`);
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'etag', 'cache-control']) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    fixture[target.path] = { status: 200, headers, bodyBase64: body.toString('base64') };
    targets.push(target);
    console.log(`${target.path}: 200, ${body.length} bytes, ${JSON.stringify(headers)}`);
  };
  for (const target of wanted) await probe(target);
  if (targets.length === 0) {
    console.log(`none of the endpoints answers 200 yet: falling back to ${FALLBACK_PATH}`);
    await probe({ name: `GET ${FALLBACK_PATH} (fallback)`, path: FALLBACK_PATH });
    if (targets.length === 0) throw new Error(`${FALLBACK_PATH} does not answer 200 either`);
  }

  // 4. The plain server with the same bytes; check it really answers the same bytes.
  const fixturePath = join(work, 'fixture.json');
  writeFileSync(fixturePath, JSON.stringify(fixture));
  const plainPort = await freePort();
  const plainBase = `http://127.0.0.1:${plainPort}`;
  const plain = processes.start('plain server', process.execPath, [PLAIN_SERVER, fixturePath, String(plainPort)], { PATH: process.env['PATH'] ?? '' }, join(work, 'plain.log'));
  await waitUntilReady(`${plainBase}${targets[0]?.path}`, plain, 'plain server', READY_WAIT);
  for (const target of targets) {
    const [a, b] = await Promise.all([fetch(`${apiBase}${target.path}`), fetch(`${plainBase}${target.path}`)]);
    const [bodyA, bodyB] = [Buffer.from(await a.arrayBuffer()), Buffer.from(await b.arrayBuffer())];
    const same = bodyA.equals(bodyB) && a.headers.get('content-type') === b.headers.get('content-type');
    console.log(`${target.path}: plain server ${same ? 'answers the same bytes' : 'DIFFERS from the API now (response changed since recorded?)'}`);
  }

  // 5. Warm-up (JIT, connection pools, caches) of both servers on every target, not reported; then
  //    wrk, ABBA: run 1 API then plain, run 2 plain then API, …
  for (const target of targets) {
    for (const base of [apiBase, plainBase]) await runWrk({ ...options, duration: options.warmup }, `${base}${target.path}`, processes);
  }
  const measurements: Measurement[] = [];
  for (const target of targets) {
    for (let run = 1; run <= options.runs; run++) {
      const order: ('api' | 'plain')[] = run % 2 === 1 ? ['api', 'plain'] : ['plain', 'api'];
      for (const server of order) {
        const url = `${server === 'api' ? apiBase : plainBase}${target.path}`;
        const serverPid = (server === 'api' ? api : plain).pid;
        const countersBefore = await dbCounters();
        const before = { server: processCpuMs(serverPid), postgres: snapshot(await backends()), machine: machineCpuMs() };
        const result = await runWrk(options, url, processes);
        const after = { server: processCpuMs(serverPid), postgres: snapshot(new Set([...(await backends()), ...before.postgres.keys()])), machine: machineCpuMs() };
        await sleep(1500); // backends publish their statistics at most once a second
        const countersAfter = await dbCounters();
        const dbWork = {
          statements: countersAfter.statements - countersBefore.statements,
          seqScans: countersAfter.seqScans - countersBefore.seqScans,
          indexScans: countersAfter.indexScans - countersBefore.indexScans,
          tuplesRead: countersAfter.tuplesRead - countersBefore.tuplesRead,
        };
        const cpu =
          procAvailable && before.server !== undefined && after.server !== undefined && before.machine && after.machine
            ? {
                serverMs: after.server - before.server,
                postgresMs: cpuDelta(before.postgres, after.postgres),
                machineBusyMs: after.machine.busy - before.machine.busy,
                machineTotalMs: after.machine.total - before.machine.total,
              }
            : undefined;
        measurements.push({ target: target.name, run, server, result, cpu, db: dbWork });
        console.log(
          `${target.name} run ${run} ${server.padEnd(5)}: ${result.rps.toFixed(0).padStart(6)} req/s, p50 ${result.p50_ms.toFixed(2)} ms, ` +
            `p99 ${result.p99_ms.toFixed(2)} ms, max ${result.max_ms.toFixed(1)} ms, socket errors ${socketErrors(result)}, status>=400 ${result.status}`,
        );
      }
    }
  }

  // 6. Table.
  console.log(`\ncommand per measurement: ${['wrk', ...wrkArgs(options, '<url>')].join(' ')}`);
  console.log(`\n| endpoint | run | API req/s | plain req/s | API/plain | API p50 ms | API p99 ms | plain p99 ms | API errors (socket / status≥400) |`);
  console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---:|`);
  const verdicts: string[] = [];
  for (const target of targets) {
    for (let run = 1; run <= options.runs; run++) {
      const find = (server: 'api' | 'plain') => measurements.find((m) => m.target === target.name && m.run === run && m.server === server)?.result;
      const [a, p] = [find('api'), find('plain')];
      if (!a || !p) continue;
      const ratio = a.rps / p.rps;
      console.log(
        `| ${target.name} | ${run} | ${a.rps.toFixed(0)} | ${p.rps.toFixed(0)} | ${ratio.toFixed(3)} | ${a.p50_ms.toFixed(2)} | ${a.p99_ms.toFixed(2)} | ${p.p99_ms.toFixed(2)} | ${socketErrors(a)} / ${a.status} |`,
      );
      verdicts.push(
        `${target.name} run ${run}: ratio ${ratio.toFixed(3)} ${ratio >= 0.5 ? '≥' : '<'} 0.5, p99 ${a.p99_ms.toFixed(1)} ms ${a.p99_ms < 20 ? '<' : '≥'} 20 ms, errors ${socketErrors(a) + a.status}` +
          ` → ${ratio >= 0.5 && a.p99_ms < 20 && socketErrors(a) + a.status === 0 ? 'goal met' : 'GOAL MISSED'}`,
      );
    }
  }
  console.log(`\n${verdicts.join('\n')}`);

  // Where the CPU went during each run (from /proc): per request, and as a share of the machine.
  const perRequest = (m: Measurement, key: keyof NonNullable<Measurement['db']>) => (m.db ? (m.db[key] / m.result.requests).toFixed(1) : '?');
  if (measurements.some((m) => m.cpu)) {
    console.log(
      `\n| endpoint | run | server | req/s | server CPU µs/req | Postgres CPU µs/req | statements/req | seq scans/req | index scans/req | tuples read/req | server CPU (% of 1 core) | machine busy | used by others (wrk + neighbours) |`,
    );
    console.log(`|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
    for (const m of measurements) {
      if (!m.cpu) continue;
      const wall = m.cpu.machineTotalMs / Math.max(1, availableParallelism());
      const others = m.cpu.machineBusyMs - m.cpu.serverMs - m.cpu.postgresMs;
      console.log(
        `| ${m.target} | ${m.run} | ${m.server} | ${m.result.rps.toFixed(0)} | ${((m.cpu.serverMs * 1000) / m.result.requests).toFixed(0)} | ` +
          `${((m.cpu.postgresMs * 1000) / m.result.requests).toFixed(0)} | ${perRequest(m, 'statements')} | ${perRequest(m, 'seqScans')} | ${perRequest(m, 'indexScans')} | ` +
          `${perRequest(m, 'tuplesRead')} | ${((m.cpu.serverMs / wall) * 100).toFixed(0)}% | ` +
          `${((m.cpu.machineBusyMs / m.cpu.machineTotalMs) * 100).toFixed(0)}% | ${((others / m.cpu.machineTotalMs) * 100).toFixed(0)}% of the machine |`,
      );
    }
  }
  console.log(`\nRESULT_JSON ${JSON.stringify({ postgres: serverVersion, options, measurements })}`);

  // 7. Optional: where the API spends its CPU under the same load (profiled run, not used for the figures above).
  if (options.cpuProf) {
    await processes.stop(api);
    const profilePath = join(work, 'api.cpuprofile');
    api = await startApi(['-r', PROFILER_PRELOAD], { BENCH_CPU_PROFILE: profilePath });
    for (const target of targets) {
      await runWrk({ ...options, duration: 3 }, `${apiBase}${target.path}`, processes); // warm-up, not profiled
      api.kill('SIGWINCH');
      await sleep(300);
      const result = await runWrk(options, `${apiBase}${target.path}`, processes);
      api.kill('SIGWINCH');
      const deadline = Date.now() + 10_000;
      while (!existsSync(profilePath) && Date.now() < deadline) await sleep(200);
      if (!existsSync(profilePath)) throw new Error('the CPU profile was not written');
      console.log(`\nCPU profile of the API under wrk, ${target.name} (${result.rps.toFixed(0)} req/s while profiling):`);
      console.log(formatProfileSummary(summarizeCpuProfile(profilePath, { ignore: /cpu-profiler-preload/ })));
      const keptDir = join(tmpdir(), 'pho-so-bench-profiles');
      mkdirSync(keptDir, { recursive: true });
      const kept = join(keptDir, `api-${target.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}-${Date.now()}.cpuprofile`);
      renameSync(profilePath, kept);
      console.log(`profile kept at ${kept} (open in Chrome DevTools › Performance)`);
    }
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(() => processes.cleanUp());
