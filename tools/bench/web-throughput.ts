// Benchmark (not a test): throughput of the public street page, four ways, in one run, and its weight.
//
//   tools/bench/web-throughput.sh [options]        (compiles, then runs the line below)
//   node dist/node/tools/bench/web-throughput.js [--duration 10] [--connections 50] [--threads 2] [--runs 2]
//        [--warmup 3] [--path /duong/…] [--skip-web-build | --rebuild-web] [--origin-processes 1] [--beacon 200]
//        [--beacon-load 3] [--cpu-prof]
//
//   static  Debian's nginx serving the page's HTML bytes as a file: the baseline, the ceiling on this machine
//   origin  the web app's production server alone (the standalone folder's server.js, installed by
//           tools/build/build-web.mjs from apps/web/server/server.cjs: Next behind the one-second in-process
//           page cache, PAGE_CACHE_TTL_MS at its default), production build
//   origin-nocache  the same server with PAGE_CACHE_TTL_MS=0 (page cache off): Next's own ISR serving; a
//           second process on its own port, from its own private copy, started the same way
//   edge    deploy/nginx/templates/default.conf.template, rendered for Debian's nginx, in front of the origin
//           (page cache on) and the API: what the compose stack ships
//   --origin-processes N runs each of the two origins as N processes (node:cluster, tools/bench/next-cluster.ts;
//   each worker has its own page cache).
//
// 1. Builds the web app when its sources changed since the last build (tools/build/web-build.mjs, the check
//    npm start and the browser tests share, so a current build that others may be running is not replaced);
//    --rebuild-web always builds (tools/build/build-web.mjs), --skip-web-build uses whatever build exists.
//    The .sh wrapper compiles dist/node.
// 2. A throwaway PGlite database in a temp DATA_DIR, migrated with the demo city (tools/db/migrate.js), and
//    the API on it (NODE_ENV=production, TRUST_PROXY=true as behind the edge).
// 3. The page: /duong/{slug} of the first active demo plate's street (slug from GET /api/v1/plates/{code}),
//    or --path; it falls back to / (said so) while the street page does not exist. Fetched from the
//    origin, warmed (both origins), and its bytes written to a file that nginx serves: the same bytes as the
//    baseline. Its weight against issue 4's budgets: HTML raw and gzip -6, the inlined CSS (<style>) and any
//    external stylesheet raw and gzip, and the scripts without async/defer (JSON-LD aside).
// 4. One nginx master (temp prefix, daemon off) with two servers: the static one and the edge.
// 5. Checks of the edge's caching rules on the live stack (HIT after MISS; Cookie / Authorization bypass;
//    an RSC request never answered with the HTML or the reverse; /quan-tri/ and /internal/ never cached).
// 6. wrk (-t2 -c50 -d10s, Lua report) on each of static, origin, origin-nocache and edge after a warm-up, in
//    alternating order per run (static, origin, origin-nocache, edge, then the reverse, …), CPU time per
//    request from /proc.
// 7. The scan beacon through the edge: N requests one by one, then wrk for a few seconds; the API is
//    stopped gracefully (it writes its counts) and the database read: every request must have been counted.
// 8. A Markdown summary with verdicts against issue 4's goals, and JSON in tmp/bench/.
// 9. --cpu-prof: afterwards, one more run of the origin (page cache on, one process) profiled, and where its
//    CPU goes.
// Every process is stopped and the temp folder removed at the end (kept, with the logs, on failure).
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { loadConfig } from '@pho-so/server/config';
import { createDataSource, databaseSettingsFromConfig } from '@pho-so/server/db';
import { freePort, privateWebServer } from '../testing/web-stack';
import { describeCheckout } from './lib/checkout';
import { ChildProcesses, waitUntilReady, type ReadyWait } from './lib/child-processes';
import { formatProfileSummary, summarizeCpuProfile } from './lib/cpu-profile';
import { machineDescription } from './lib/machine';
import { mainConfig, NGINX_BINARY, nginxVersion, renderEdgeTemplate } from './lib/nginx';
import { pageWeight, sized, type Sized } from './lib/page-weight';
import { machineCpuMs, procAvailable, processCpuMs } from './lib/proc-cpu';
import { runWrk, socketErrors, wrkArgs, type WrkResult } from './lib/wrk';

const ROOT = resolve(__dirname, '../../../..');
const API_MAIN = join(ROOT, 'dist/node/apps/api/src/main.js');
const MIGRATE = join(ROOT, 'dist/node/tools/db/migrate.js');
const NEXT_CLUSTER = join(ROOT, 'dist/node/tools/bench/next-cluster.js');
const PROFILER_PRELOAD = join(ROOT, 'dist/node/tools/bench/cpu-profiler-preload.js');
const WEB_SERVER = join(ROOT, 'apps/web/.next/standalone/apps/web/server.js');
const EDGE_TEMPLATE = join(ROOT, 'deploy/nginx/templates/default.conf.template');
const FALLBACK_PATH = '/';

// Issue 4's goals.
const GOAL_ORIGIN_RATIO = 0.1;
const GOAL_ORIGIN_P99_MS = 150;
const GOAL_EDGE_RATIO = 0.7;
const GOAL_EDGE_P99_MS = 20;
const BUDGET_HTML_GZIP_BYTES = 30 * 1024;
const BUDGET_CSS_BYTES = 15 * 1024;

interface Options {
  duration: number;
  connections: number;
  threads: number;
  runs: number;
  warmup: number;
  path?: string;
  skipWebBuild: boolean;
  rebuildWeb: boolean;
  originProcesses: number;
  beacon: number;
  beaconLoad: number;
  cpuProf: boolean;
}

const USAGE =
  'usage: web-throughput [--duration 10] [--connections 50] [--threads 2] [--runs 2] [--warmup 3] [--path /duong/…] ' +
  '[--skip-web-build | --rebuild-web] [--origin-processes 1] [--beacon 200] [--beacon-load 3] [--cpu-prof]';

function parseOptions(argv: string[]): Options {
  const options: Options = {
    duration: 10,
    connections: 50,
    threads: 2,
    runs: 2,
    warmup: 3,
    skipWebBuild: false,
    rebuildWeb: false,
    originProcesses: 1,
    beacon: 200,
    beaconLoad: 3,
    cpuProf: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--skip-web-build' || flag === '--rebuild-web' || flag === '--cpu-prof') {
      if (flag === '--skip-web-build') options.skipWebBuild = true;
      else if (flag === '--rebuild-web') options.rebuildWeb = true;
      else options.cpuProf = true;
      continue;
    }
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag}: missing value\n${USAGE}`);
    if (flag === '--path') {
      if (!value.startsWith('/')) throw new Error(`--path: expected /…, got ${value}`);
      options.path = value;
      continue;
    }
    const n = Number(value);
    const zeroAllowed = flag === '--beacon' || flag === '--beacon-load' || flag === '--warmup';
    if (!Number.isInteger(n) || n < (zeroAllowed ? 0 : 1)) throw new Error(`${flag}: expected a ${zeroAllowed ? 'non-negative' : 'positive'} integer, got ${value}`);
    if (flag === '--duration') options.duration = n;
    else if (flag === '--connections') options.connections = n;
    else if (flag === '--threads') options.threads = n;
    else if (flag === '--runs') options.runs = n;
    else if (flag === '--warmup') options.warmup = n;
    else if (flag === '--origin-processes') options.originProcesses = n;
    else if (flag === '--beacon') options.beacon = n;
    else if (flag === '--beacon-load') options.beaconLoad = n;
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  if (options.skipWebBuild && options.rebuildWeb) throw new Error('--skip-web-build and --rebuild-web exclude each other');
  return options;
}

// Every server and wrk run of this benchmark: stopped, and the clean-up steps run, at the end, on failure or on Ctrl-C.
const processes = new ChildProcesses({ cwd: ROOT, signalMessage: 'stopping child processes', signalCountsAsFailure: true });

// How long a server may take to answer after its start; a probe that hangs is given up after 5 s and retried.
const READY_WAIT: ReadyWait = { timeoutMs: 90_000, requestTimeoutMs: 5000 };

/** A process and all its descendants (nginx workers, cluster workers), from /proc. */
function processTree(pid: number | undefined): number[] {
  if (pid === undefined || !procAvailable) return [];
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  return tree;
}
const treeCpuMs = (pids: number[]) => pids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0);

// --- HTTP without fetch's defaults (no Accept-Encoding), as wrk sends it ----------------------------

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function rawRequest(url: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers ?? {}, agent: false, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        done({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
      res.on('error', fail);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', fail);
    req.end();
  });
}

// --- main ---------------------------------------------------------------------------------------

type Subject = 'static' | 'origin' | 'origin-nocache' | 'edge';
const SUBJECTS: readonly Subject[] = ['static', 'origin', 'origin-nocache', 'edge'];

interface Measurement {
  run: number;
  subject: Subject;
  result: WrkResult;
  /**
   * CPU milliseconds during the wrk run: nginx (master + workers), the origin (page cache on, all its
   * processes), the origin without page cache, the API, and the whole machine.
   */
  cpu?: { nginxMs: number; nextMs: number; nextNoCacheMs: number; apiMs: number; machineBusyMs: number; machineTotalMs: number };
}

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

function firstActivePlateCode(): string {
  const plates = (JSON.parse(readFileSync(join(ROOT, 'data/plates.json'), 'utf8')) as { records: { code: string; status: string }[] }).records;
  const plate = plates.find((p) => p.status === 'active');
  if (!plate) throw new Error('data/plates.json: no active plate');
  return plate.code;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const wrk = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (wrk.error) throw new Error('wrk not found: apt-get update && apt-get install -y wrk');
  const nginx = nginxVersion();
  if (!nginx) throw new Error(`nginx not found at ${NGINX_BINARY} (apt-get install -y nginx-light, or set NGINX_BIN)`);
  for (const file of [API_MAIN, MIGRATE, NEXT_CLUSTER, PROFILER_PRELOAD]) if (!existsSync(file)) throw new Error(`${file} missing: run node tools/build/compile-node.mjs`);

  const startedAt = new Date();
  console.log(`web-throughput: ${startedAt.toISOString()}`);
  console.log(`machine: ${machineDescription()}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`code: ${describeCheckout(ROOT)}`);
  console.log(`wrk: ${(wrk.stdout || wrk.stderr).split('\n')[0]}; nginx: ${nginx}`);
  console.log(`options: ${JSON.stringify(options)}`);

  // 1. The web build.
  if (options.skipWebBuild) console.log('web: --skip-web-build, using the existing standalone build');
  else {
    const started = Date.now();
    const script = options.rebuildWeb ? 'tools/build/build-web.mjs' : 'tools/build/web-build.mjs';
    const build = spawnSync(process.execPath, [join(ROOT, script)], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`the web build failed (${script}, see above)`);
    console.log(`web: ${script} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (!existsSync(WEB_SERVER)) throw new Error(`${WEB_SERVER} missing: run node tools/build/build-web.mjs`);

  const work = mkdtempSync(join(tmpdir(), 'pho-so-web-bench-'));
  chmodSync(work, 0o755); // nginx workers run as another user when the benchmark runs as root
  processes.onCleanUp(async () => {
    if (process.exitCode) console.error(`logs kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });

  // 2. Database and API.
  const dataDir = join(work, 'data');
  const baseEnv = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? ROOT };
  const migrate = spawnSync(process.execPath, [MIGRATE, '--demo-if-empty'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...baseEnv, NODE_ENV: 'production', DATA_DIR: dataDir, LOAD_DEMO_DATA: 'true', DEMO_DATA_DIR: join(ROOT, 'data') },
  });
  if (migrate.status !== 0) throw new Error(`migrate failed:\n${migrate.stdout}\n${migrate.stderr}`);
  console.log(`database: PGlite in ${dataDir}, migrated, demo city loaded`);

  const apiPort = await freePort();
  const apiBase = `http://127.0.0.1:${apiPort}`;
  const api = processes.start(
    'api',
    process.execPath,
    [API_MAIN],
    {
      ...baseEnv,
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      API_HOST: '127.0.0.1',
      API_PORT: String(apiPort),
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOAD_DEMO_DATA: 'false',
      TRUST_PROXY: 'true',
    },
    join(work, 'api.log'),
  );
  await waitUntilReady(`${apiBase}/api/health/ready`, api, 'api', READY_WAIT);
  console.log(`api: ${apiBase} (pid ${api.pid}, NODE_ENV=production, PGlite, no Redis)`);

  // 3. The web servers (one process each, or N behind node:cluster): the origin as shipped (page cache at its
  // default TTL) and the same server with the page cache off, each from its own private copy.
  const startWeb = async (label: string, dir: string, pageCacheTtlMs: string | undefined) => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      API_INTERNAL_URL: apiBase,
    };
    delete env['DATABASE_URL'];
    delete env['REDIS_URL'];
    delete env['PAGE_CACHE_TTL_MS'];
    if (pageCacheTtlMs !== undefined) env['PAGE_CACHE_TTL_MS'] = pageCacheTtlMs;
    const server = privateWebServer(join(work, dir));
    const args = options.originProcesses > 1 ? [NEXT_CLUSTER, server, String(options.originProcesses)] : [server];
    const logFile = join(work, `${dir}.log`);
    const child = processes.start(label, process.execPath, args, env, logFile);
    const base = `http://127.0.0.1:${port}`;
    await waitUntilReady(`${base}/healthz`, child, label, READY_WAIT);
    // server.cjs says on start whether its page cache is on ("page cache 1000 ms" / "page cache off").
    const pageCache = /page cache ([^)]*)\)/.exec(readFileSync(logFile, 'utf8'))?.[1] ?? '(not reported: not server.cjs?)';
    console.log(`${label}: ${base} (pid ${child.pid}, ${options.originProcesses} process(es), standalone server.js from a private copy, NODE_ENV=production, page cache ${pageCache})`);
    return { port, base, env, server, child, pageCache };
  };
  const origin = await startWeb('web', 'web', undefined);
  const originNoCache = await startWeb('web (no page cache)', 'web-nocache', '0');
  const { port: webPort, base: webBase, env: webEnv, server: webServer } = origin;
  let web = origin.child;
  const webNoCache = originNoCache.child;
  const webNoCacheBase = originNoCache.base;

  // 4. The page.
  let path = options.path;
  const code = firstActivePlateCode();
  if (!path) {
    const lookup = await fetch(`${apiBase}/api/v1/plates/${encodeURIComponent(code)}`);
    if (!lookup.ok) throw new Error(`GET /api/v1/plates/${code}: ${lookup.status}`);
    const slug = ((await lookup.json()) as { street: { slug: string } }).street.slug;
    path = `/duong/${encodeURIComponent(slug)}`;
    console.log(`page: plate ${code} is on street ${slug} (GET /api/v1/plates/${code})`);
  }
  let first = await rawRequest(`${webBase}${path}`);
  if (first.status !== 200 && !options.path) {
    console.log(`page: ${path} answers ${first.status} on the origin (the street page does not exist yet?): FALLING BACK to ${FALLBACK_PATH}`);
    path = FALLBACK_PATH;
    first = await rawRequest(`${webBase}${path}`);
  }
  if (first.status !== 200) throw new Error(`${path}: the origin answers ${first.status}`);
  // Warm Next's cache and JIT. A page prerendered at build time is older than its revalidate interval by
  // now: Next answers it STALE once and regenerates it against this API, so wait for a HIT that stays.
  for (let i = 0; i < 20; i++) await rawRequest(`${webBase}${path}`);
  let page = await rawRequest(`${webBase}${path}`);
  let again = await rawRequest(`${webBase}${path}`);
  for (let tries = 0; tries < 20 && !(page.body.equals(again.body) && again.headers['x-nextjs-cache'] !== 'STALE'); tries++) {
    await sleep(500);
    page = again;
    again = await rawRequest(`${webBase}${path}`);
  }
  // The origin without page cache, warmed the same way (its own ISR cache, the same database).
  for (let i = 0; i < 20; i++) await rawRequest(`${webNoCacheBase}${path}`);
  let pageNoCache = await rawRequest(`${webNoCacheBase}${path}`);
  for (let tries = 0; tries < 20 && pageNoCache.headers['x-nextjs-cache'] === 'STALE'; tries++) {
    await sleep(500);
    pageNoCache = await rawRequest(`${webNoCacheBase}${path}`);
  }
  if (pageNoCache.status !== 200) throw new Error(`${path}: the origin without page cache answers ${pageNoCache.status}`);
  console.log(
    `page: origin without page cache: ${fmt(pageNoCache.body.length)} bytes, x-nextjs-cache ${pageNoCache.headers['x-nextjs-cache'] ?? '(none)'}, ` +
      `same bytes as the origin: ${pageNoCache.body.equals(page.body) ? 'yes' : 'no'}`,
  );
  const pageCacheControl = page.headers['cache-control'] ?? '(none)';
  const isrOrStatic = /s-maxage=\d/.test(pageCacheControl) && !/private|no-store/.test(pageCacheControl);
  const pageInfo = {
    path,
    bytes: page.body.length,
    gzipBytes: gzipSync(page.body, { level: 6 }).length,
    contentType: page.headers['content-type'] ?? '',
    cacheControl: pageCacheControl,
    nextCache: page.headers['x-nextjs-cache'] ?? '(none)',
    pageCache: page.headers['x-page-cache'] ?? '(none)',
    prerender: page.headers['x-nextjs-prerender'] ?? '(none)',
    identicalAcrossRequests: page.body.equals(again.body),
    isrOrStatic,
  };
  console.log(
    `page: ${path}: ${fmt(pageInfo.bytes)} bytes (${fmt(pageInfo.gzipBytes)} gzip -6), ${pageInfo.contentType}; ` +
      `Cache-Control "${pageInfo.cacheControl}", x-nextjs-cache ${pageInfo.nextCache}, x-nextjs-prerender ${pageInfo.prerender}; ` +
      `same bytes on two requests: ${pageInfo.identicalAcrossRequests ? 'yes' : 'NO (rendered per request?)'}`,
  );
  if (!isrOrStatic) console.log(`page: NOTE: Next does not mark this page shareable (no s-maxage): it is rendered per request and the edge will not cache it.`);

  // The page's weight (issue 4: HTML ≤ 30 KB compressed, CSS ≤ 15 KB, no render-blocking script).
  const weight = pageWeight(page.body);
  const stylesheets: (Sized & { href: string; status: number })[] = [];
  for (const href of weight.stylesheetHrefs) {
    const r = await rawRequest(new URL(href, `${webBase}${path}`).toString());
    stylesheets.push({ href, status: r.status, ...sized(r.body) });
  }
  const cssTotal = {
    bytes: weight.inlineCss.bytes + stylesheets.reduce((sum, s) => sum + s.bytes, 0),
    gzipBytes: weight.inlineCss.gzipBytes + stylesheets.reduce((sum, s) => sum + s.gzipBytes, 0),
  };
  const weightInfo = {
    html: weight.html,
    inlineCss: weight.inlineCss,
    stylesheets,
    cssTotal,
    scripts: weight.scripts.length,
    jsonLdScripts: weight.scripts.filter((s) => s.type === 'application/ld+json').length,
    externalScripts: weight.scripts.filter((s) => s.src !== undefined).map((s) => ({ src: s.src, async: s.async, defer: s.defer, nomodule: s.nomodule, type: s.type })),
    blockingExternalScripts: weight.blockingExternalScripts.map((s) => s.tag),
    nomoduleScripts: weight.nomoduleScripts.map((s) => s.tag),
    inlineScripts: { count: weight.inlineScripts.length, bytes: weight.inlineScripts.reduce((sum, s) => sum + s.inlineBytes, 0) },
    withoutAsyncOrDefer: weight.withoutAsyncOrDefer.map((s) => s.tag),
  };
  const weightLines = [
    `HTML ${fmt(weight.html.bytes)} bytes, **${fmt(weight.html.gzipBytes)} gzip -6** (budget ≤ ${fmt(BUDGET_HTML_GZIP_BYTES)} compressed: ` +
      `${weight.html.gzipBytes <= BUDGET_HTML_GZIP_BYTES ? 'within' : 'OVER'}).`,
    `CSS: inlined in ${weight.inlineCss.elements} <style> element(s) ${fmt(weight.inlineCss.bytes)} bytes (${fmt(weight.inlineCss.gzipBytes)} gzip -6); ` +
      (stylesheets.length === 0
        ? 'no external stylesheet'
        : `external stylesheets ${stylesheets.map((s) => `${s.href} ${s.status === 200 ? '' : `(HTTP ${s.status}) `}${fmt(s.bytes)} bytes (${fmt(s.gzipBytes)} gzip -6)`).join(', ')}`) +
      `; **CSS total ${fmt(cssTotal.bytes)} bytes, ${fmt(cssTotal.gzipBytes)} gzip** (budget ≤ ${fmt(BUDGET_CSS_BYTES)}: ` +
      `${cssTotal.bytes <= BUDGET_CSS_BYTES ? 'within, even uncompressed' : cssTotal.gzipBytes <= BUDGET_CSS_BYTES ? 'within compressed, OVER uncompressed' : 'OVER'}).`,
    `Scripts: ${weight.scripts.length} <script> elements: ${weightInfo.jsonLdScripts} JSON-LD, ${weightInfo.externalScripts.length} with src ` +
      `(${weightInfo.externalScripts.filter((s) => s.async).length} async, ${weightInfo.externalScripts.filter((s) => s.defer).length} defer, ` +
      `${weightInfo.externalScripts.filter((s) => s.type === 'module').length} type=module, ${weightInfo.externalScripts.filter((s) => s.nomodule).length} nomodule), ` +
      `${weightInfo.inlineScripts.count} inline (${fmt(weightInfo.inlineScripts.bytes)} bytes). ` +
      `**Render-blocking external scripts (src, no async/defer, neither type=module nor nomodule): ${weight.blockingExternalScripts.length}**` +
      `${weight.blockingExternalScripts.length ? ` (${weightInfo.blockingExternalScripts.join(', ')})` : ''}; ` +
      `nomodule without async/defer (fetched and run only by browsers without module support): ${weight.nomoduleScripts.length}` +
      `${weight.nomoduleScripts.length ? ` (${weightInfo.nomoduleScripts.join(', ')})` : ''}; ` +
      `every <script> without async/defer other than JSON-LD, inline ones included: ${weight.withoutAsyncOrDefer.length}` +
      `${weight.withoutAsyncOrDefer.length ? ` (${[...new Set(weight.withoutAsyncOrDefer.map((s) => (s.src ? s.tag : `inline ${s.tag}`)))].slice(0, 4).join(', ')})` : ''}.`,
  ];
  for (const line of weightLines) console.log(`weight: ${line.replace(/\*\*/g, '')}`);

  // 5. nginx: the static baseline and the edge, one master.
  const prefix = join(work, 'nginx');
  for (const dir of ['static', 'tmp', 'cache']) mkdirSync(join(prefix, dir), { recursive: true });
  chmodSync(prefix, 0o755);
  writeFileSync(join(prefix, 'static/page.html'), page.body);
  const [staticPort, edgePort, innerPort] = [await freePort(), await freePort(), await freePort()];
  const edgeAccessLog = join(prefix, 'edge-access.log');
  const edgeConf = renderEdgeTemplate(EDGE_TEMPLATE, {
    EDGE_LISTEN: `127.0.0.1:${edgePort}`,
    EDGE_INNER_LISTEN: `127.0.0.1:${innerPort}`,
    EDGE_WEB_UPSTREAM: `127.0.0.1:${webPort}`, // the origin as shipped, page cache on
    EDGE_API_UPSTREAM: `127.0.0.1:${apiPort}`,
    EDGE_CACHE_DIR: join(prefix, 'cache'),
    EDGE_ACCESS_LOG: edgeAccessLog,
    EDGE_TRUSTED_PROXY: '127.0.0.1',
  });
  writeFileSync(join(prefix, 'edge.conf'), edgeConf);
  const staticServer = `    # The baseline: the page's bytes as a file, at any path.
    server {
        listen 127.0.0.1:${staticPort};
        access_log ${join(prefix, 'static-access.log')} combined buffer=32k flush=1s;
        root ${join(prefix, 'static')};
        charset utf-8;
        location / {
            try_files /page.html =404;
        }
    }

    include ${join(prefix, 'edge.conf')};`;
  const confPath = join(prefix, 'nginx.conf');
  writeFileSync(confPath, mainConfig(prefix, staticServer));
  const nginxArgs = ['-p', prefix, '-c', confPath, '-e', join(prefix, 'error.log')];
  const test = spawnSync(NGINX_BINARY, ['-t', ...nginxArgs], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}${test.stdout}`);
  const nginxProcess = processes.start('nginx', NGINX_BINARY, nginxArgs, { PATH: baseEnv.PATH }, join(prefix, 'nginx.out'));
  const staticBase = `http://127.0.0.1:${staticPort}`;
  const edgeBase = `http://127.0.0.1:${edgePort}`;
  await waitUntilReady(`${staticBase}${path}`, nginxProcess, 'nginx (static)', READY_WAIT);
  await waitUntilReady(`${edgeBase}/edge-healthz`, nginxProcess, 'nginx (edge)', READY_WAIT);
  const staticCheck = await rawRequest(`${staticBase}${path}`);
  if (!staticCheck.body.equals(page.body)) throw new Error('the static server does not answer the recorded bytes');
  console.log(`nginx: ${nginx}, pid ${nginxProcess.pid}, ${processTree(nginxProcess.pid).length - 1} worker / cache processes; static ${staticBase}, edge ${edgeBase} (${EDGE_TEMPLATE.slice(ROOT.length + 1)})`);

  // 6. The edge's rules, checked on the live stack.
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => {
    checks.push({ name, ok, detail });
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`);
  };
  const status = (r: RawResponse) => r.headers['x-cache-status'] ?? '(none)';
  console.log('edge checks:');
  const edgeSequence: string[] = [];
  let edgeBody: Buffer | undefined;
  for (let i = 0; i < 3; i++) {
    const r = await rawRequest(`${edgeBase}${path}`);
    edgeSequence.push(`${r.status} ${status(r)}`);
    edgeBody = r.body;
  }
  const cachesPage = edgeSequence.some((s) => s.endsWith('HIT'));
  check(
    'page cached at the edge',
    cachesPage === isrOrStatic,
    `${edgeSequence.join(', ')}${isrOrStatic ? '' : ` (not shareable per Next's "${pageCacheControl}", so not cached: right, but the edge goal cannot be met with this page)`}`,
  );
  check('edge answers the origin\'s bytes', edgeBody?.equals(page.body) === true || !pageInfo.identicalAcrossRequests, `${edgeBody?.length ?? 0} bytes`);
  {
    const r = await rawRequest(`${edgeBase}${path}`);
    check('Cache-Control sent on by the edge', true, `"${r.headers['cache-control'] ?? '(none)'}" (Next sent "${pageCacheControl}")`);
  }
  for (const [header, value] of [
    ['cookie', 'session=abc'],
    ['authorization', 'Bearer x'],
  ] as const) {
    const r = await rawRequest(`${edgeBase}${path}`, { headers: { [header]: value } });
    check(`request with ${header} not served from the cache`, status(r) !== 'HIT' && status(r) !== 'STALE' && status(r) !== 'UPDATING', status(r));
  }
  {
    // Next fetches RSC payloads as GET {path}?_rsc={hash} with the header RSC: 1 (without _rsc it redirects
    // to add one). The same URL without the header must never get the payload, nor the reverse.
    // Next 16 checks _rsc against a hash of the router headers and redirects (307) to the right one.
    const probe = await rawRequest(`${edgeBase}${path}`, { headers: { rsc: '1' } });
    const location = probe.status >= 300 && probe.status < 400 ? probe.headers['location'] : undefined;
    const rscUrl = location ? new URL(location, edgeBase).toString() : `${edgeBase}${path}`;
    const type = (r: RawResponse) => (r.headers['content-type'] ?? '(none)').split(';')[0] as string;
    const rsc = await rawRequest(rscUrl, { headers: { rsc: '1' } });
    const rscAgain = await rawRequest(rscUrl, { headers: { rsc: '1' } });
    const sameUrlPlain = await rawRequest(rscUrl);
    const html = await rawRequest(`${edgeBase}${path}`);
    const rscAfter = await rawRequest(rscUrl, { headers: { rsc: '1' } });
    check(
      'RSC payloads and HTML kept apart',
      type(rsc) === 'text/x-component' && type(rscAgain) === 'text/x-component' && type(rscAfter) === 'text/x-component' &&
        type(sameUrlPlain) !== 'text/x-component' && type(html) === 'text/html',
      `${rscUrl.slice(edgeBase.length)} + RSC: 1 → ${rsc.status} ${type(rsc)} ${status(rsc)}, again ${type(rscAgain)} ${status(rscAgain)}; same URL without the header → ` +
        `${sameUrlPlain.status} ${type(sameUrlPlain)} ${status(sameUrlPlain)}; the page → ${type(html)} ${status(html)}; RSC again → ${type(rscAfter)} ${status(rscAfter)}`,
    );
  }
  {
    const r = await rawRequest(`${edgeBase}/internal/revalidate`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    check('POST /internal/revalidate not reachable through the edge', r.status === 404 && r.headers['x-cache-status'] === undefined && /nginx/.test(r.body.toString()), `${r.status}`);
  }
  {
    const a = await rawRequest(`${edgeBase}/quan-tri/`);
    const b = await rawRequest(`${edgeBase}/quan-tri/`);
    check('/quan-tri/ never cached', a.headers['x-cache-status'] === undefined && b.headers['x-cache-status'] === undefined, `${a.status}, ${b.status}, X-Cache-Status ${status(b)}`);
  }
  {
    // The two origins: page cache on in one (a repeated request within the TTL is a HIT), off in the other.
    await rawRequest(`${webBase}${path}`);
    const on = await rawRequest(`${webBase}${path}`);
    await rawRequest(`${webNoCacheBase}${path}`);
    const off = await rawRequest(`${webNoCacheBase}${path}`);
    check(
      'origin: page cache on, off in the origin without page cache',
      on.headers['x-page-cache'] === 'HIT' && off.headers['x-page-cache'] === undefined && off.status === 200,
      `repeated request: origin X-Page-Cache ${on.headers['x-page-cache'] ?? '(none)'}; without page cache ${off.headers['x-page-cache'] ?? '(none)'}, ` +
        `x-nextjs-cache ${off.headers['x-nextjs-cache'] ?? '(none)'}`,
    );
  }
  if (cachesPage) {
    // Fresh 2 s (nginx counts whole seconds: 2–3 s), then stale-while-revalidate 1 s, then a blocking refresh.
    // Poll every 250 ms until the entry is no longer fresh: that answer must be the stale copy (refreshed in
    // the background), and the next one fresh again.
    const polled: string[] = [];
    const pollStart = Date.now();
    let polledResponse: RawResponse;
    do {
      await sleep(250);
      polledResponse = await rawRequest(`${edgeBase}${path}`);
      polled.push(status(polledResponse));
    } while (status(polledResponse) === 'HIT' && Date.now() - pollStart < 8000);
    const staleAfterMs = Date.now() - pollStart;
    await sleep(100);
    const refreshed = await rawRequest(`${edgeBase}${path}`);
    check(
      'fresh 2–3 s, then served stale once while refreshed in the background',
      status(polledResponse) === 'STALE' && status(refreshed) === 'HIT',
      `${polled.filter((x) => x === 'HIT').length} × HIT every 250 ms, then ${status(polledResponse)} after ${(staleAfterMs / 1000).toFixed(1)} s, then ${status(refreshed)}`,
    );
    await sleep(5000);
    const expired = await rawRequest(`${edgeBase}${path}`);
    // REVALIDATED: the edge asked Next (If-None-Match) before answering and got a 304.
    check(
      'no stale page after a quiet spell (stale-while-revalidate bounded)',
      ['EXPIRED', 'MISS', 'REVALIDATED'].includes(status(expired)),
      `after 5 s without requests: ${status(expired)} (checked with Next before answering)`,
    );
  }

  // 7. wrk: warm-up, then runs in alternating order.
  const urls: Record<Subject, string> = {
    static: `${staticBase}${path}`,
    origin: `${webBase}${path}`,
    'origin-nocache': `${webNoCacheBase}${path}`,
    edge: `${edgeBase}${path}`,
  };
  if (options.warmup > 0) for (const subject of SUBJECTS) await runWrk({ ...options, duration: options.warmup }, urls[subject], processes);
  const measurements: Measurement[] = [];
  for (let run = 1; run <= options.runs; run++) {
    const order: Subject[] = run % 2 === 1 ? [...SUBJECTS] : [...SUBJECTS].reverse();
    for (const subject of order) {
      const groups = { nginx: processTree(nginxProcess.pid), next: processTree(web.pid), nextNoCache: processTree(webNoCache.pid), api: processTree(api.pid) };
      const cpuNow = () => ({
        nginx: treeCpuMs(groups.nginx),
        next: treeCpuMs(groups.next),
        nextNoCache: treeCpuMs(groups.nextNoCache),
        api: treeCpuMs(groups.api),
        machine: machineCpuMs(),
      });
      const before = cpuNow();
      const result = await runWrk(options, urls[subject], processes);
      const after = cpuNow();
      const cpu =
        procAvailable && before.machine && after.machine
          ? {
              nginxMs: after.nginx - before.nginx,
              nextMs: after.next - before.next,
              nextNoCacheMs: after.nextNoCache - before.nextNoCache,
              apiMs: after.api - before.api,
              machineBusyMs: after.machine.busy - before.machine.busy,
              machineTotalMs: after.machine.total - before.machine.total,
            }
          : undefined;
      measurements.push({ run, subject, result, cpu });
      console.log(
        `run ${run} ${subject.padEnd(14)}: ${fmt(result.rps).padStart(7)} req/s, p50 ${result.p50_ms.toFixed(2)} ms, p99 ${result.p99_ms.toFixed(2)} ms, ` +
          `max ${result.max_ms.toFixed(1)} ms, socket errors ${socketErrors(result)}, status>=400 ${result.status}`,
      );
    }
  }

  // Where Next's CPU goes (one process, profiled run; not part of the figures above).
  let profileText: string | undefined;
  if (options.cpuProf) {
    await processes.stop(web);
    const profilePath = join(work, 'web.cpuprofile');
    web = processes.start('web (profiled)', process.execPath, ['-r', PROFILER_PRELOAD, webServer], { ...webEnv, BENCH_CPU_PROFILE: profilePath }, join(work, 'web.log'));
    await waitUntilReady(`${webBase}/healthz`, web, 'web (profiled)', READY_WAIT);
    await runWrk({ ...options, duration: Math.max(3, options.warmup) }, urls.origin, processes); // warm-up, not profiled
    web.kill('SIGWINCH');
    await sleep(300);
    const result = await runWrk(options, urls.origin, processes);
    web.kill('SIGWINCH');
    const deadline = Date.now() + 15_000;
    while (!existsSync(profilePath) && Date.now() < deadline) await sleep(200);
    if (!existsSync(profilePath)) throw new Error('the CPU profile was not written');
    profileText = `CPU profile of the origin (one process, page cache ${origin.pageCache}) under wrk on ${path}, ${fmt(result.rps)} req/s while profiling:\n${formatProfileSummary(
      summarizeCpuProfile(profilePath, { ignore: /cpu-profiler-preload/ }),
    )}`;
    const keptDir = join(tmpdir(), 'pho-so-bench-profiles');
    mkdirSync(keptDir, { recursive: true });
    const kept = join(keptDir, `web-${Date.now()}.cpuprofile`);
    writeFileSync(kept, readFileSync(profilePath));
    profileText += `\nprofile kept at ${kept} (open in Chrome DevTools › Performance)`;
  }

  // 8. The scan beacon through the edge: every request must reach the API.
  let beacon:
    | {
        sequential: { code: string; requests: number; ok: number; withCacheStatus: number; cacheControl: string[]; upstreamLogLines: number; counted?: number };
        load?: { code: string; seconds: number; wrkCompleted: number; upstreamLogLines: number; counted?: number };
      }
    | undefined;
  if (options.beacon > 0 || options.beaconLoad > 0) {
    const codeA = `BENCH0${randomBytes(4).toString('hex').toUpperCase()}`; // a 0 is never in a plate code
    const codeB = `BENCH0${randomBytes(4).toString('hex').toUpperCase()}`;
    const beaconPath = (c: string) => `/api/v1/plates/${c}/scan.gif`;
    truncateSync(edgeAccessLog, 0);
    let ok = 0;
    let withCacheStatus = 0;
    const cacheControl = new Set<string>();
    for (let i = 0; i < options.beacon; i++) {
      const r = await rawRequest(`${edgeBase}${beaconPath(codeA)}`);
      if (r.status === 200 && (r.headers['content-type'] ?? '').startsWith('image/gif')) ok++;
      if (r.headers['x-cache-status'] !== undefined) withCacheStatus++;
      cacheControl.add(r.headers['cache-control'] ?? '(none)');
    }
    let load: { code: string; seconds: number; wrkCompleted: number; upstreamLogLines: number; counted?: number } | undefined;
    if (options.beaconLoad > 0) {
      const result = await runWrk({ ...options, duration: options.beaconLoad }, `${edgeBase}${beaconPath(codeB)}`, processes);
      load = { code: codeB, seconds: options.beaconLoad, wrkCompleted: result.requests, upstreamLogLines: 0 };
    }
    await sleep(2000); // the access log is flushed every second
    const logLines = readFileSync(edgeAccessLog, 'utf8').split('\n');
    const upstreamLines = (c: string) => logLines.filter((l) => l.includes(beaconPath(c)) && !l.includes('upstream=-')).length;
    beacon = {
      sequential: { code: codeA, requests: options.beacon, ok, withCacheStatus, cacheControl: [...cacheControl], upstreamLogLines: upstreamLines(codeA) },
      ...(load ? { load: { ...load, upstreamLogLines: upstreamLines(codeB) } } : {}),
    };
    // The API writes its counts on a graceful stop; then the database can be opened (PGlite: one process).
    await processes.stop(api, 20_000);
    const dataSource = createDataSource(databaseSettingsFromConfig(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production' })));
    await dataSource.initialize();
    try {
      const count = async (c: string) =>
        Number(((await dataSource.query('SELECT coalesce(sum(count), 0)::int AS n FROM scan_count WHERE plate_code = $1', [c])) as { n: number }[])[0]?.n ?? 0);
      beacon.sequential.counted = await count(codeA);
      if (beacon.load) beacon.load.counted = await count(codeB);
    } finally {
      await dataSource.destroy();
    }
  }

  // 9. Summary.
  const find = (run: number, subject: Subject) => measurements.find((m) => m.run === run && m.subject === subject)?.result;
  const lines: string[] = [];
  const out = (line = '') => lines.push(line);
  out(`### Web throughput, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  out();
  out(`Page \`${path}\`: ${fmt(pageInfo.bytes)} bytes of HTML (${fmt(pageInfo.gzipBytes)} gzip -6); Next's Cache-Control \`${pageInfo.cacheControl}\`, x-nextjs-cache ${pageInfo.nextCache} (X-Page-Cache ${pageInfo.pageCache}).`);
  out(
    `Command per measurement: \`wrk ${wrkArgs(options, '<url>').join(' ')}\`; ${options.originProcesses} process(es) per origin; ` +
      `origin = server.js with page cache ${origin.pageCache}, origin-nocache = the same with PAGE_CACHE_TTL_MS=0 (page cache ${originNoCache.pageCache}); ${describeCheckout(ROOT)}.`,
  );
  out();
  out('Weight (issue 4: HTML ≤ 30 KB compressed, CSS ≤ 15 KB, no render-blocking script):');
  for (const line of weightLines) out(`- ${line}`);
  out();
  out(
    '| run | static req/s | static p99 ms | origin req/s | origin / static | origin p50 / p99 ms | origin without page cache req/s | without page cache / static | ' +
      'without page cache p50 / p99 ms | edge req/s | edge / static | edge p50 / p99 ms | errors static / origin / no cache / edge |',
  );
  out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  const verdicts: string[] = [];
  let beaconOk = true;
  const ratios = { origin: [] as number[], noCache: [] as number[], edge: [] as number[], originP99: [] as number[], noCacheP99: [] as number[], edgeP99: [] as number[] };
  for (let run = 1; run <= options.runs; run++) {
    const [s, o, n, e] = [find(run, 'static'), find(run, 'origin'), find(run, 'origin-nocache'), find(run, 'edge')];
    if (!s || !o || !n || !e) continue;
    const [ro, rn, re] = [o.rps / s.rps, n.rps / s.rps, e.rps / s.rps];
    ratios.origin.push(ro);
    ratios.noCache.push(rn);
    ratios.edge.push(re);
    ratios.originP99.push(o.p99_ms);
    ratios.noCacheP99.push(n.p99_ms);
    ratios.edgeP99.push(e.p99_ms);
    const errors = (r: WrkResult) => `${socketErrors(r) + r.status}`;
    const p50p99 = (r: WrkResult) => `${r.p50_ms.toFixed(r.p50_ms < 10 ? 2 : 1)} / ${r.p99_ms.toFixed(r.p99_ms < 10 ? 2 : 1)}`;
    out(
      `| ${run} | ${fmt(s.rps)} | ${s.p99_ms.toFixed(2)} | ${fmt(o.rps)} | **${ro.toFixed(3)}** | ${p50p99(o)} | ${fmt(n.rps)} | **${rn.toFixed(3)}** | ${p50p99(n)} | ` +
        `${fmt(e.rps)} | **${re.toFixed(3)}** | ${p50p99(e)} | ${errors(s)} / ${errors(o)} / ${errors(n)} / ${errors(e)} |`,
    );
    const verdict = (label: string, ratio: number, goalRatio: number, p99: number, goalP99: number, r: WrkResult) => {
      const errs = socketErrors(r) + r.status;
      const met = ratio >= goalRatio && p99 < goalP99 && errs === 0;
      return `run ${run} ${label}: ratio ${ratio.toFixed(3)} ${ratio >= goalRatio ? '≥' : '<'} ${goalRatio}, p99 ${p99.toFixed(1)} ms ${p99 < goalP99 ? '<' : '≥'} ${goalP99} ms, errors ${errs} → ${met ? 'goal met' : 'GOAL MISSED'}`;
    };
    verdicts.push(verdict('(a) origin', ro, GOAL_ORIGIN_RATIO, o.p99_ms, GOAL_ORIGIN_P99_MS, o));
    verdicts.push(verdict('(a) origin without page cache (for comparison)', rn, GOAL_ORIGIN_RATIO, n.p99_ms, GOAL_ORIGIN_P99_MS, n));
    verdicts.push(verdict('(b) edge  ', re, GOAL_EDGE_RATIO, e.p99_ms, GOAL_EDGE_P99_MS, e));
  }
  out();
  out(
    `Median over runs: origin / static ${median(ratios.origin).toFixed(3)} (p99 ${median(ratios.originP99).toFixed(1)} ms), ` +
      `origin without page cache / static ${median(ratios.noCache).toFixed(3)} (p99 ${median(ratios.noCacheP99).toFixed(1)} ms), ` +
      `edge / static ${median(ratios.edge).toFixed(3)} (p99 ${median(ratios.edgeP99).toFixed(2)} ms).`,
  );
  if (measurements.some((m) => m.cpu)) {
    out();
    out(
      '| run | subject | req/s | nginx CPU µs/req | origin (page cache) CPU µs/req | origin without page cache CPU µs/req | API CPU µs/req | machine busy | ' +
        'busy outside these servers (wrk + neighbours) |',
    );
    out('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const m of measurements) {
      if (!m.cpu) continue;
      const per = (ms: number) => fmt((ms * 1000) / Math.max(1, m.result.requests));
      const others = m.cpu.machineBusyMs - m.cpu.nginxMs - m.cpu.nextMs - m.cpu.nextNoCacheMs - m.cpu.apiMs;
      out(
        `| ${m.run} | ${m.subject} | ${fmt(m.result.rps)} | ${per(m.cpu.nginxMs)} | ${per(m.cpu.nextMs)} | ${per(m.cpu.nextNoCacheMs)} | ${per(m.cpu.apiMs)} | ` +
          `${((m.cpu.machineBusyMs / m.cpu.machineTotalMs) * 100).toFixed(0)}% | ${((others / m.cpu.machineTotalMs) * 100).toFixed(0)}% |`,
      );
    }
    out(`(${availableParallelism()} CPUs; CPU from /proc, nginx = master + workers, each origin = all its processes.)`);
  }
  out();
  out('Checks:');
  for (const c of checks) out(`- ${c.ok ? 'ok' : '**FAIL**'}: ${c.name}: ${c.detail}`);
  if (beacon) {
    const s = beacon.sequential;
    const seqOk = s.counted === s.requests && s.ok === s.requests && s.withCacheStatus === 0 && s.upstreamLogLines === s.requests;
    beaconOk &&= seqOk;
    out(
      `- ${seqOk ? 'ok' : '**FAIL**'}: scan beacon never cached: ${s.requests} requests one by one through the edge → ${s.ok} GIFs, ` +
        `${s.withCacheStatus} with an X-Cache-Status, Cache-Control ${s.cacheControl.map((v) => `"${v}"`).join(', ')}, ` +
        `${s.upstreamLogLines} passed to the API (edge access log), **${s.counted ?? '?'} counted** by the API (scan_count, after its graceful stop)`,
    );
    if (beacon.load) {
      const l = beacon.load;
      const loadOk = l.counted !== undefined && l.counted === l.upstreamLogLines && l.counted >= l.wrkCompleted && l.counted - l.wrkCompleted <= options.connections;
      beaconOk &&= loadOk;
      out(
        `- ${loadOk ? 'ok' : '**FAIL**'}: scan beacon under load: wrk ${l.seconds} s at ${options.connections} connections through the edge completed ${fmt(l.wrkCompleted)} requests; ` +
          `the edge passed ${fmt(l.upstreamLogLines)} to the API and the API **counted ${fmt(l.counted ?? 0)}** (≥ completed, the difference being requests in flight when wrk stopped)`,
      );
    }
  }
  out();
  out('Verdicts (issue 4: (a) origin ≥ 0.10 of static with p99 < 150 ms; (b) edge ≥ 0.70 of static with p99 < 20 ms):');
  for (const v of verdicts) out(`- ${v}`);

  console.log(`\n${lines.join('\n')}`);
  if (profileText) console.log(`\n${profileText}`);

  const resultsDir = join(ROOT, 'tmp/bench');
  mkdirSync(resultsDir, { recursive: true });
  const jsonPath = join(resultsDir, `web-throughput-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    jsonPath,
    JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        machine: machineDescription(),
        code: describeCheckout(ROOT),
        nginx,
        options,
        pageCache: { origin: origin.pageCache, originNoCache: originNoCache.pageCache },
        page: pageInfo,
        weight: weightInfo,
        checks,
        beacon,
        measurements,
        summary: lines.join('\n'),
        profile: profileText,
      },
      null,
      2,
    ),
  );
  console.log(`\nJSON: ${jsonPath.slice(ROOT.length + 1)}`);
  if (checks.some((c) => !c.ok) || !beaconOk) {
    console.error('some edge or beacon checks FAILED (see above)');
    process.exitCode = 1;
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(() => processes.cleanUp());
