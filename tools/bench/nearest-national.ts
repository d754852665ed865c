// Benchmark (not a test): the nearest-service-point query at national scale, on Postgres and PGlite.
//
//   node tools/build/compile-node.mjs && node dist/node/tools/bench/nearest-national.js [options]
//
// Creates a throwaway database per engine, migrates it, inserts 3,321 synthetic service points (one
// per commune of ../shared/data/vn_communes_2025.csv) and 100,000 synthetic streets spread over
// Vietnam's land area (seeded, deterministic, provenance "demo"), ANALYZEs, then times
// `nearestServicePoints` from the midpoints of 2,000 random streets. Baseline in the same run, on
// the same connection and the same origins: the same query with index scans disabled (seq scan +
// top-N sort). The two are measured in alternating blocks so machine noise hits both alike.
// The database is dropped at the end, also on failure or Ctrl-C. See docs/benchmarks.md.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import type { EntityManager, QueryRunner } from 'typeorm';
import { nearestServicePoints, type DatabaseEngine, type NearestServicePointRow } from '@pho-so/server/db';
import { createMigratedDataSource } from '@pho-so/server/db/testing';
import { describeCheckout } from './lib/checkout';
import { machineDescription } from './lib/machine';
import { insertServicePoints, insertStreets, readCommunes, syntheticServicePoints, syntheticStreets } from './lib/national-dataset';
import { SeededRandom } from './lib/prng';
import { ms, summarize, type TimingSummary } from './lib/stats';
import { midpointAlong, type LatLng } from './lib/vietnam';

interface Options {
  streets: number;
  pgliteStreets: number;
  queries: number;
  limit: number;
  seed: number;
  engines: DatabaseEngine[];
  communesCsv: string;
}

const USAGE = `usage: node dist/node/tools/bench/nearest-national.js [--streets 100000] [--pglite-streets N]
       [--queries 2000] [--limit 5] [--seed 20250701] [--engines postgres,pglite] [--communes path.csv]`;

function parseOptions(argv: string[]): Options {
  const options: Options = {
    streets: 100_000,
    pgliteStreets: -1,
    queries: 2000,
    limit: 5,
    seed: 20250701,
    engines: ['postgres', 'pglite'],
    communesCsv: resolve(process.cwd(), '../shared/data/vn_communes_2025.csv'),
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag}: missing value\n${USAGE}`);
    const int = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag}: expected a positive integer, got ${value}`);
      return n;
    };
    if (flag === '--streets') options.streets = int();
    else if (flag === '--pglite-streets') options.pgliteStreets = int();
    else if (flag === '--queries') options.queries = int();
    else if (flag === '--limit') options.limit = int();
    else if (flag === '--seed') options.seed = int();
    else if (flag === '--communes') options.communesCsv = resolve(value);
    else if (flag === '--engines') {
      options.engines = value.split(',').map((e) => {
        if (e !== 'postgres' && e !== 'pglite') throw new Error(`--engines: postgres and/or pglite, got ${e}`);
        return e;
      });
    } else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  if (options.pgliteStreets < 0) options.pgliteStreets = options.streets;
  return options;
}

type Mode = 'index' | 'seqscan';

interface EngineResult {
  engine: DatabaseEngine;
  version: string;
  servicePoints: number;
  streets: number;
  loadSeconds: { migrate: number; servicePoints: number; streets: number; analyze: number };
  roundTrip: Record<Mode, TimingSummary>;
  serverExecution: Record<Mode, TimingSummary>;
  agreement: { sameIds: number; sameDistances: number; total: number };
  nearestDistanceKm: TimingSummary;
  plans: Record<Mode, string>;
}

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    const next = cleanups.pop() as () => Promise<void>;
    await next().catch((error: unknown) => console.error(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: dropping the benchmark database(s)`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const seconds = (started: number) => (performance.now() - started) / 1000;

/** The exact SQL and parameters `nearestServicePoints` sends, so EXPLAIN runs what the app runs. */
async function capturedQuery(from: LatLng, limit: number): Promise<{ sql: string; params: unknown[] }> {
  let captured: { sql: string; params: unknown[] } | undefined;
  const recorder = {
    query: async (sql: string, params: unknown[]) => {
      captured = { sql, params };
      return [];
    },
  } as unknown as EntityManager;
  await nearestServicePoints(recorder, from, limit);
  if (!captured) throw new Error('nearestServicePoints sent no query');
  return captured;
}

async function setMode(runner: QueryRunner, mode: Mode): Promise<void> {
  if (mode === 'index') {
    await runner.query('RESET enable_indexscan');
    await runner.query('RESET enable_bitmapscan');
  } else {
    await runner.query('SET enable_indexscan = off');
    await runner.query('SET enable_bitmapscan = off');
  }
}

async function runEngine(engine: DatabaseEngine, streetCount: number, options: Options): Promise<EngineResult> {
  console.log(`\n=== ${engine}: ${streetCount.toLocaleString('en')} streets ===`);
  let started = performance.now();
  const db = await createMigratedDataSource(engine);
  cleanups.push(() => db.dispose());
  const migrate = seconds(started);
  const { dataSource } = db;
  const version = ((await dataSource.query('SHOW server_version')) as { server_version: string }[])[0]?.server_version ?? '?';
  console.log(`database created and migrated in ${migrate.toFixed(1)} s (server_version ${version})`);

  const points = syntheticServicePoints(readCommunes(options.communesCsv), options.seed);
  started = performance.now();
  await insertServicePoints(dataSource.manager, points, options.seed);
  const servicePointsSeconds = seconds(started);
  console.log(`${points.length} service points inserted in ${servicePointsSeconds.toFixed(1)} s`);

  started = performance.now();
  let lastReport = started;
  const streets = syntheticStreets(points, streetCount, options.seed + 1);
  const progress = (function* () {
    let n = 0;
    for (const street of streets) {
      yield street;
      if (++n % 10_000 === 0 && performance.now() - lastReport > 5000) {
        lastReport = performance.now();
        console.log(`  … ${n.toLocaleString('en')} streets (${seconds(started).toFixed(0)} s)`);
      }
    }
  })();
  const inserted = await insertStreets(dataSource.manager, progress, options.seed + 1, engine === 'pglite' ? 2000 : 5000);
  const streetsSeconds = seconds(started);
  console.log(`${inserted.toLocaleString('en')} streets inserted in ${streetsSeconds.toFixed(1)} s`);

  started = performance.now();
  await dataSource.query('ANALYZE');
  const analyze = seconds(started);
  const [counts] = (await dataSource.query(
    `SELECT (SELECT count(*) FROM service_point)::int AS sp, (SELECT count(*) FROM street)::int AS st`,
  )) as { sp: number; st: number }[];

  // Origins: the midpoints (halfway along the geometry) of `queries` random streets, read back from the database.
  const picked = new SeededRandom(options.seed + 2).sample(inserted, options.queries).map((i) => `bench-street-${String(i + 1).padStart(6, '0')}`);
  const geometries = new Map(
    ((await dataSource.query(`SELECT slug, geometry FROM street WHERE slug = ANY($1::text[])`, [picked])) as {
      slug: string;
      geometry: { coordinates: number[][] };
    }[]).map((row) => [row.slug, row.geometry]),
  );
  const origins = picked.map((slug) => {
    const geometry = geometries.get(slug);
    if (!geometry) throw new Error(`street ${slug} not found`);
    return midpointAlong(geometry.coordinates);
  });

  // One connection for everything below, so SET applies to every timed query.
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  cleanups.push(() => runner.release());
  const modes: Mode[] = ['index', 'seqscan'];

  const plans = {} as Record<Mode, string>;
  const sample = await capturedQuery(origins[0] as LatLng, options.limit);
  for (const mode of modes) {
    await setMode(runner, mode);
    const rows = (await runner.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sample.sql}`, sample.params)) as { 'QUERY PLAN': string }[];
    plans[mode] = rows.map((r) => r['QUERY PLAN']).join('\n');
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) with ${mode === 'index' ? 'default settings' : 'enable_indexscan = off, enable_bitmapscan = off'}:\n${plans[mode]}`);
  }
  if (!/Index Scan using "IDX_service_point_earth"/.test(plans.index)) console.warn('\nWARNING: the default plan does not use IDX_service_point_earth');
  if (/Index Scan/.test(plans.seqscan)) console.warn('\nWARNING: the baseline plan still uses an index');

  // Warm-up (caches, JIT of the driver path), then timed blocks of 100 origins, alternating which mode goes first.
  for (const mode of modes) {
    await setMode(runner, mode);
    for (const origin of origins.slice(0, 100)) await nearestServicePoints(runner.manager, origin, options.limit);
  }
  const times: Record<Mode, number[]> = { index: [], seqscan: [] };
  const results: Record<Mode, NearestServicePointRow[][]> = { index: [], seqscan: [] };
  const blockSize = 100;
  for (let block = 0; block * blockSize < origins.length; block++) {
    const slice = origins.slice(block * blockSize, (block + 1) * blockSize);
    for (const mode of block % 2 === 0 ? modes : [...modes].reverse()) {
      await setMode(runner, mode);
      for (const origin of slice) {
        const t = performance.now();
        const rows = await nearestServicePoints(runner.manager, origin, options.limit);
        times[mode].push(performance.now() - t);
        results[mode].push(rows);
      }
    }
  }

  // The baseline must compute the same answer, or the ratio means nothing.
  const agreement = { sameIds: 0, sameDistances: 0, total: origins.length };
  for (let i = 0; i < origins.length; i++) {
    const [a, b] = [results.index[i] ?? [], results.seqscan[i] ?? []];
    if (a.map((r) => r.id).join() === b.map((r) => r.id).join()) agreement.sameIds++;
    if (a.length === b.length && a.every((r, j) => Math.abs(r.distanceM - (b[j]?.distanceM ?? Infinity)) < 1e-3)) agreement.sameDistances++;
  }

  // Server-side execution time (EXPLAIN ANALYZE's "Execution Time") on the first 200 origins: what the
  // database itself spends, without driver and round trip. TIMING OFF, so per-row clock calls do not
  // inflate the seq scan.
  const serverTimes: Record<Mode, number[]> = { index: [], seqscan: [] };
  for (const mode of modes) {
    await setMode(runner, mode);
    for (const origin of origins.slice(0, 200)) {
      const q = await capturedQuery(origin, options.limit);
      const rows = (await runner.query(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${q.sql}`, q.params)) as { 'QUERY PLAN': unknown }[];
      const raw = rows[0]?.['QUERY PLAN'];
      const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { 'Execution Time': number }[];
      serverTimes[mode].push(plan[0]?.['Execution Time'] ?? Number.NaN);
    }
  }
  await setMode(runner, 'index');

  const result: EngineResult = {
    engine,
    version,
    servicePoints: counts?.sp ?? 0,
    streets: counts?.st ?? 0,
    loadSeconds: { migrate, servicePoints: servicePointsSeconds, streets: streetsSeconds, analyze },
    roundTrip: { index: summarize(times.index), seqscan: summarize(times.seqscan) },
    serverExecution: { index: summarize(serverTimes.index), seqscan: summarize(serverTimes.seqscan) },
    agreement,
    nearestDistanceKm: summarize(results.index.map((rows) => (rows[0]?.distanceM ?? Number.NaN) / 1000)),
    plans,
  };
  printResult(result, options);

  started = performance.now();
  await cleanUp();
  console.log(`database dropped in ${seconds(started).toFixed(1)} s`);
  return result;
}

function printResult(r: EngineResult, options: Options): void {
  const row = (label: string, s: TimingSummary) =>
    `| ${label.padEnd(34)} | ${ms(s.median).padStart(8)} | ${ms(s.p95).padStart(8)} | ${ms(s.p99).padStart(8)} | ${ms(s.mean).padStart(8)} | ${String(s.n).padStart(5)} |`;
  console.log(`\n${r.engine} ${r.version}: ${r.servicePoints} service points, ${r.streets.toLocaleString('en')} streets, limit ${options.limit}`);
  console.log(`| ${'ms per query'.padEnd(34)} |   median |      p95 |      p99 |     mean |     n |`);
  console.log(`|${'-'.repeat(36)}|---------:|---------:|---------:|---------:|------:|`);
  console.log(row('round trip, GiST KNN (index)', r.roundTrip.index));
  console.log(row('round trip, seq scan + sort (base)', r.roundTrip.seqscan));
  console.log(row('server execution, index', r.serverExecution.index));
  console.log(row('server execution, seq scan', r.serverExecution.seqscan));
  console.log(
    `speed-up of the index (median round trip): ${(r.roundTrip.seqscan.median / r.roundTrip.index.median).toFixed(1)}x; ` +
      `server execution: ${(r.serverExecution.seqscan.median / r.serverExecution.index.median).toFixed(1)}x`,
  );
  console.log(
    `baseline agrees: same ids ${r.agreement.sameIds}/${r.agreement.total}, same distances ${r.agreement.sameDistances}/${r.agreement.total}; ` +
      `nearest service point from a street midpoint: median ${r.nearestDistanceKm.median.toFixed(1)} km, p99 ${r.nearestDistanceKm.p99.toFixed(1)} km`,
  );
  console.log(
    `load: migrate ${r.loadSeconds.migrate.toFixed(1)} s, service points ${r.loadSeconds.servicePoints.toFixed(1)} s, ` +
      `streets ${r.loadSeconds.streets.toFixed(1)} s, ANALYZE ${r.loadSeconds.analyze.toFixed(1)} s`,
  );
  const goal = r.roundTrip.index.median < 2;
  console.log(`goal (median < 2 ms): ${goal ? 'met' : 'MISSED'} (${ms(r.roundTrip.index.median)} ms)`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  console.log(`nearest-national: ${new Date().toISOString()}`);
  console.log(`machine: ${machineDescription()}`);
  console.log(`code: ${describeCheckout(resolve(__dirname, '../../../..'))}`);
  console.log(`options: ${JSON.stringify(options)}`);
  const results: EngineResult[] = [];
  for (const engine of options.engines) {
    results.push(await runEngine(engine, engine === 'pglite' ? options.pgliteStreets : options.streets, options));
  }
  console.log(
    `\nRESULT_JSON ${JSON.stringify(
      results.map(({ plans: _plans, ...rest }) => rest),
    )}`,
  );
}

main()
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
