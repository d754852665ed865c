// The compose stack without Docker: every app built in production mode, the runtime image's /app
// assembled from the Dockerfile (production dependencies only, installed by npm ci --omit=dev), and
// migrate, api, worker and web started with exactly the commands and environment docker-compose.yml
// gives them, against this machine's real Postgres and Redis. Then: readiness (the compose healthcheck
// commands themselves), a plate scan through the web app, a QR batch end to end, and SIGTERM in the
// middle of a batch: api and worker must stop within their stop_grace_period with exit code 0, and
// after a restart the batch finishes with every item done and none failed.
//
// What differs from the containers, and only this: service host names and fixed ports become
// 127.0.0.1 and free ports (the services share one host here), the QR asset volume is a temporary
// folder, the database is a fresh one on the local server, and REDIS_KEY_PREFIX is unique to the run
// so the queue cannot meet another test's. The measured times go to tmp/artifacts/shutdown-times.json.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { unzipSync } from 'fflate';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@pho-so/server/db/testing';
import {
  DEFAULT_STOP_GRACE_MS,
  durationMs,
  parseCompose,
  readComposeText,
  readDockerfile,
  readEnvExample,
  serviceEnvironment,
} from './compose-file';
import { assembleImageRoot, buildLikeTheImage } from './image-layout';
import { mainConfig, NGINX_BINARY, renderEdgeTemplate, type EdgeTemplateValues } from '../bench/lib/nginx';
import { freePort, REPO_ROOT } from '../testing/web-stack';

jest.setTimeout(600_000);

const compose = parseCompose(readComposeText(REPO_ROOT));
const ADMIN_TOKEN = randomBytes(24).toString('hex');

type AppService = 'migrate' | 'api' | 'worker' | 'web';

function isJsonObject(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

describe('the compose stack, run with its own commands and environment', () => {
  let database: TestDatabase;
  let imageRoot: string;
  let imageEnv: Record<string, string>;
  let dotEnv: Record<string, string>;
  let ports: { api: number; web: number; apiOps: number; workerOps: number; edge: number; edgeInner: number };
  let hostMap: [string, string][];
  const running = new Map<AppService, Running>();
  /** Everything every process wrote, for the check that no secret reached the logs. */
  const allOutput: Record<AppService, string> = { migrate: '', api: '', worker: '', web: '' };
  let databaseUrl = '';

  /** A compose value (environment or healthcheck argument) as it must read on this host. */
  const onThisHost = (value: string, service?: AppService): string =>
    [...hostMap, ['127.0.0.1:9464', `127.0.0.1:${service === 'worker' ? ports.workerOps : ports.apiOps}`]].reduce(
      (text, [inContainer, here]) => text.split(inContainer!).join(here),
      value,
    );

  /** The service's environment: the image's ENV, then compose's `environment` with .env interpolated. */
  function environmentOf(service: AppService): Record<string, string> {
    const fixedPorts: Record<string, string> = {
      API_PORT: String(ports.api),
      PORT: String(ports.web),
      OPS_PORT: String(service === 'worker' ? ports.workerOps : ports.apiOps),
    };
    const env: Record<string, string> = { PATH: process.env['PATH'] ?? '/usr/bin:/bin' };
    for (const [name, value] of Object.entries({ ...imageEnv, ...serviceEnvironment(compose, service, dotEnv) })) {
      env[name] = name in fixedPorts && value !== '' ? fixedPorts[name]! : onThisHost(value, service);
    }
    return { ...env, REDIS_KEY_PREFIX: `pho-so-stack-${process.pid}:` };
  }

  function start(service: AppService): Running {
    const command = compose.services[service]!.command!;
    expect(command[0]).toBe('node');
    const child = spawn(process.execPath, command.slice(1), { cwd: imageRoot, env: environmentOf(service), stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const append = (chunk: Buffer) => {
      text = (text + chunk.toString('utf8')).slice(-30_000);
      allOutput[service] += chunk.toString('utf8');
    };
    child.stdout!.on('data', append);
    child.stderr!.on('data', append);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const handle = { child, output: () => text, exited };
    running.set(service, handle);
    return handle;
  }

  /**
   * The edge as the nginx image runs it: the template rendered with the edge service's environment
   * (mapped like the others: its listen ports, upstreams, cache folder and log file), Debian's nginx.
   */
  let edge: ChildProcess | undefined;
  async function startEdge(): Promise<void> {
    const prefix = join(imageRoot, '../edge');
    for (const dir of ['tmp', 'cache']) mkdirSync(join(prefix, dir), { recursive: true });
    // nginx's workers run as another user when the test runs as root.
    for (const dir of [join(imageRoot, '..'), prefix]) chmodSync(dir, 0o755);
    chmodSync(join(prefix, 'cache'), 0o777);
    const edgeMap: Record<string, string> = {
      '80': `127.0.0.1:${ports.edge}`,
      '127.0.0.1:8081': `127.0.0.1:${ports.edgeInner}`,
      'web:3000': `127.0.0.1:${ports.web}`,
      'api:3001': `127.0.0.1:${ports.api}`,
      '/var/cache/nginx': join(prefix, 'cache'),
      '/var/log/nginx/access.log': join(prefix, 'access.log'),
      '127.0.0.1': '127.0.0.1',
    };
    const values = Object.fromEntries(
      Object.entries(serviceEnvironment(compose, 'edge', dotEnv)).map(([name, value]) => {
        if (!(value in edgeMap)) throw new Error(`the edge's ${name}=${value} has no counterpart on this host`);
        return [name, edgeMap[value]!];
      }),
    ) as unknown as EdgeTemplateValues;
    // The official image renders every file of /etc/nginx/templates into conf.d (compose mounts deploy/nginx/templates there).
    writeFileSync(join(prefix, 'edge.conf'), renderEdgeTemplate(join(REPO_ROOT, 'deploy/nginx/templates/default.conf.template'), values));
    writeFileSync(join(prefix, 'nginx.conf'), mainConfig(prefix, `    include ${join(prefix, 'edge.conf')};`));
    const args = ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')];
    const check = spawnSync(NGINX_BINARY, ['-t', ...args], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
    edge = spawn(NGINX_BINARY, args, { stdio: 'ignore' });
    // The edge service's own healthcheck (curl), pointed at its port here.
    const [program, ...curlArgs] = (compose.services['edge']!.healthcheck!.test as string[]).slice(1);
    const url = curlArgs.pop()!.replace('http://127.0.0.1/', `http://127.0.0.1:${ports.edge}/`);
    for (let i = 0; ; i++) {
      if (spawnSync(program!, [...curlArgs, url]).status === 0) return;
      if (i > 100) throw new Error('the edge did not pass its healthcheck');
      await sleep(100);
    }
  }

  /** Runs the service's compose healthcheck command (in the image's folder) until it passes. */
  async function waitHealthy(service: 'api' | 'worker' | 'web', timeoutMs = 120_000): Promise<number> {
    const test = compose.services[service]!.healthcheck!.test as string[];
    const [program, ...args] = test.slice(1).map((arg) => onThisHost(arg, service));
    expect(program).toBe('node');
    const started = Date.now();
    let last = '';
    while (Date.now() - started < timeoutMs) {
      const handle = running.get(service)!;
      if (handle.child.exitCode !== null) throw new Error(`${service} exited (${handle.child.exitCode}) before it was healthy:\n${handle.output()}`);
      const check = spawnSync(process.execPath, args, { cwd: imageRoot, env: environmentOf(service), encoding: 'utf8', timeout: 10_000 });
      if (check.status === 0) return Date.now() - started;
      last = `${check.stdout}${check.stderr}`;
      await sleep(250);
    }
    throw new Error(`${service} not healthy in ${timeoutMs} ms (last check: ${last})\n${running.get(service)!.output()}`);
  }

  /** SIGTERM, as `docker compose stop` sends it; the time until the process is gone. */
  async function terminate(service: AppService): Promise<{ ms: number; code: number | null; signal: NodeJS.Signals | null; graceMs: number }> {
    const handle = running.get(service)!;
    const graceMs = compose.services[service]!.stop_grace_period ? durationMs(compose.services[service]!.stop_grace_period!) : DEFAULT_STOP_GRACE_MS;
    const started = Date.now();
    handle.child.kill('SIGTERM');
    // Docker would SIGKILL at the end of the grace period; here the test waits longer and reports it.
    const killer = setTimeout(() => handle.child.kill('SIGKILL'), graceMs + 30_000);
    const { code, signal } = await handle.exited;
    clearTimeout(killer);
    running.delete(service);
    return { ms: Date.now() - started, code, signal, graceMs };
  }

  async function query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  const api = (path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${ports.api}${path}`, init);
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

  async function batch(id: string): Promise<{ status: string; total: number; done: number; failed: number; bundleUrl?: string }> {
    const response = await api(`/api/v1/admin/qr-batches/${id}`, { headers: admin });
    expect(response.status).toBe(200);
    return (await response.json()) as { status: string; total: number; done: number; failed: number; bundleUrl?: string };
  }

  async function waitBatch(id: string, until: (b: Awaited<ReturnType<typeof batch>>) => boolean, timeoutMs = 240_000) {
    const started = Date.now();
    let last = await batch(id);
    while (!until(last)) {
      if (Date.now() - started > timeoutMs) throw new Error(`batch ${id}: ${JSON.stringify(last)}\nworker:\n${running.get('worker')?.output()}`);
      await sleep(100);
      last = await batch(id);
    }
    return last;
  }

  beforeAll(async () => {
    // 1. The build the image's build stage runs (the web app only when its sources changed).
    buildLikeTheImage(REPO_ROOT);
    // 2. The runtime image's /app, as the Dockerfile's last stage puts it together.
    imageRoot = mkdtempSync(join(tmpdir(), 'pho-so-image-'));
    imageEnv = assembleImageRoot(REPO_ROOT, readDockerfile(REPO_ROOT), join(imageRoot, 'app'));
    const assets = join(imageRoot, 'volumes/qr-assets');
    mkdirSync(assets, { recursive: true });
    imageRoot = join(imageRoot, 'app');

    // 3. What the operator's .env holds: .env.example with the required values filled in.
    database = await createTestDatabase('postgres');
    const url = new URL(database.env.DATABASE_URL!);
    databaseUrl = url.toString();
    dotEnv = {
      ...Object.fromEntries([...readEnvExample(REPO_ROOT)].map(([name, { value }]) => [name, value])),
      POSTGRES_USER: decodeURIComponent(url.username),
      POSTGRES_PASSWORD: randomBytes(12).toString('hex'),
      POSTGRES_DB: url.pathname.slice(1),
      PUBLIC_BASE_URL: 'https://phoso.example.vn',
      REVALIDATE_SECRET: randomBytes(24).toString('hex'),
      ADMIN_TOKEN,
      // The demo city gives the test plates to scan and render.
      LOAD_DEMO_DATA: 'true',
    };
    ports = {
      api: await freePort(),
      web: await freePort(),
      apiOps: await freePort(),
      workerOps: await freePort(),
      edge: await freePort(),
      edgeInner: await freePort(),
    };
    hostMap = [
      ['@postgres:5432/', `@${url.host}/`],
      ['redis://redis:6379', 'redis://127.0.0.1:6379'],
      ['http://api:3001', `http://127.0.0.1:${ports.api}`],
      ['http://web:3000', `http://127.0.0.1:${ports.web}`],
      ['127.0.0.1:3001', `127.0.0.1:${ports.api}`],
      ['127.0.0.1:3000', `127.0.0.1:${ports.web}`],
      ['/var/lib/pho-so/assets', assets],
    ];
  }, 600_000);

  afterAll(async () => {
    edge?.kill('SIGQUIT');
    for (const service of [...running.keys()]) await terminate(service).catch(() => undefined);
    await database?.dispose();
    if (imageRoot) rmSync(join(imageRoot, '..'), { recursive: true, force: true });
  });

  const times: Record<string, unknown> = {};

  it('migrate runs once to completion (exit 0) on the empty database, and again as a no-op', async () => {
    for (const round of [1, 2]) {
      const started = Date.now();
      const migrate = start('migrate');
      const { code } = await migrate.exited;
      if (code !== 0) throw new Error(`migrate exited ${code}:\n${migrate.output()}`);
      times[`migrate run ${round} (ms)`] = Date.now() - started;
    }
    const [row] = await query<{ plates: string }>('SELECT count(*) AS plates FROM plate');
    expect(Number(row!.plates)).toBe(168);
  });

  it('api, worker and web start with the compose commands and pass the compose healthchecks', async () => {
    start('api');
    start('worker');
    times['api healthy after (ms)'] = await waitHealthy('api');
    times['worker healthy after (ms)'] = await waitHealthy('worker');
    start('web');
    times['web healthy after (ms)'] = await waitHealthy('web');
    await startEdge();
    // Liveness never depends on the database; the ops port serves Prometheus metrics.
    expect((await api('/api/health/live')).status).toBe(200);
    for (const port of [ports.apiOps, ports.workerOps]) {
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await metrics.text()).toMatch(/^pho_so_queue_jobs\{/m);
    }
  });

  it('a plate scan through the edge and the web app shows the street, is counted, and is logged with the request id the edge gave it', async () => {
    const [plate] = await query<{ code: string; name: string }>(
      `SELECT p.code, s.name FROM plate p JOIN street s ON s.id = p.street_id ORDER BY p.code LIMIT 1`,
    );
    const edgeUrl = `http://127.0.0.1:${ports.edge}`;
    const page = await fetch(`${edgeUrl}/Q/${plate!.code}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(plate!.name);
    expect(html).toContain(plate!.code);
    const beacon = /src="(\/api\/v1\/plates\/[^"]+\/scan\.gif)"/.exec(html)?.[1];
    expect(beacon).toBeDefined();
    // The browser then loads the beacon from the same origin: the edge sends /api/ to the API.
    const scan = await fetch(`${edgeUrl}${beacon!.replace(/&amp;/g, '&')}`);
    expect(scan.status).toBe(200);
    expect(scan.headers.get('content-type')).toBe('image/gif');
    // nginx's $request_id, passed to the API, which logs it as reqId and sends it back.
    const requestId = scan.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f]{32}$/);
    let counted = 0;
    for (let i = 0; i < 200 && counted === 0; i++) {
      await sleep(250);
      const [row] = await query<{ count: string | null }>('SELECT sum(count) AS count FROM scan_count WHERE plate_code = $1', [plate!.code]);
      counted = Number(row?.count ?? 0);
    }
    expect(counted).toBe(1);
    const logged = allOutput.api.split('\n').filter((line) => line.includes(`"reqId":"${requestId}"`));
    expect(logged.length).toBeGreaterThan(0);
  });

  it('takes the client address from X-Forwarded-For only when the proxy named in EDGE_TRUSTED_PROXY sent it', async () => {
    const trusted = serviceEnvironment(compose, 'edge', dotEnv)['EDGE_TRUSTED_PROXY'];
    expect(trusted).toBe('127.0.0.1'); // .env.example's value: below, 127.0.0.1 plays the TLS proxy
    /** A GET through the edge from a chosen loopback address (all of 127.0.0.0/8 reaches the edge). */
    const getFrom = (localAddress: string, forwardedFor: string) =>
      new Promise<string>((resolve, reject) => {
        const request = httpGet({ host: '127.0.0.1', port: ports.edge, path: '/api/health/live', localAddress, headers: { 'x-forwarded-for': forwardedFor } }, (response) => {
          response.resume();
          const id = response.headers['x-request-id'];
          if (response.statusCode === 200 && typeof id === 'string') resolve(id);
          else reject(new Error(`GET /api/health/live from ${localAddress}: ${response.statusCode}, request id ${String(id)}`));
        });
        request.on('error', reject);
      });
    // The proxy passes on what the client claimed (198.51.100.23) and appends the address it saw.
    const viaProxy = await getFrom('127.0.0.1', '198.51.100.23, 203.0.113.7');
    // Anyone else's header is ignored.
    const direct = await getFrom('127.0.0.2', '203.0.113.99');
    const accessLog = join(imageRoot, '../edge/access.log');
    const lineOf = (id: string) => (existsSync(accessLog) ? readFileSync(accessLog, 'utf8') : '').split('\n').find((line) => line.includes(`request_id=${id}`));
    for (let i = 0; i < 100 && !(lineOf(viaProxy) && lineOf(direct)); i++) await sleep(100); // the log is flushed every second
    expect(lineOf(viaProxy)).toMatch(/^203\.0\.113\.7 /);
    expect(lineOf(direct)).toMatch(/^127\.0\.0\.2 /);
  });

  it('a QR batch runs end to end: created on the API, rendered by the worker, downloaded as a ZIP', async () => {
    const created = await api('/api/v1/admin/qr-batches', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ scope: { kind: 'streets', slugs: ['bo-xuyen', 'chu-van-an'] }, designVersion: 1, formats: ['svg', 'png', 'pdf'] }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const finished = await waitBatch(id, (b) => b.status === 'done' || b.status === 'failed');
    expect(finished).toMatchObject({ status: 'done', failed: 0 });
    expect(finished.done).toBe(finished.total);
    const bundle = await api(finished.bundleUrl!, { headers: admin });
    expect(bundle.status).toBe(200);
    const entries = unzipSync(Buffer.from(await bundle.arrayBuffer()));
    const manifest = Buffer.from(entries['manifest.csv']!).toString('utf8').trim().split('\r\n');
    // One row per item (a plate in one format).
    expect(manifest).toHaveLength(1 + finished.total);
    // The files are in the asset volume, where the worker wrote them and the API read them back.
    expect(readdirSync(onThisHost('/var/lib/pho-so/assets'), { recursive: true }).length).toBeGreaterThanOrEqual(finished.total);
    // What Prometheus scrapes from the API's ops port: request latency by route template, the scan, the queue.
    const metrics = await (await fetch(`http://127.0.0.1:${ports.apiOps}/metrics`)).text();
    expect(metrics).toMatch(/^http_request_duration_seconds_bucket\{.*route="\/api\/v1\/admin\/qr-batches\/:id".*\} \d+$/m);
    expect(metrics).toMatch(/^pho_so_plate_scans_total 1$/m);
    expect(metrics).toMatch(/^pho_so_queue_jobs\{queue="[^"]+",state="failed"\} 0$/m);
    expect(metrics).toMatch(/^pho_so_qr_batch_items\{/m);
  });

  it('SIGTERM in the middle of a batch: api and worker stop within their grace period, and after a restart no job is lost', async () => {
    const created = await api('/api/v1/admin/qr-batches', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ scope: { kind: 'all' }, designVersion: 1, formats: ['svg', 'png', 'pdf'] }),
    });
    expect(created.status).toBe(201);
    const { id, total } = (await created.json()) as { id: string; total: number };
    // Stop while the worker is busy: some items done, most still to do.
    const before = await waitBatch(id, (b) => b.done >= 10);
    expect(before.done).toBeLessThan(total);

    const [worker, apiStop, web] = await Promise.all([terminate('worker'), terminate('api'), terminate('web')]);
    times['worker SIGTERM to exit (ms)'] = worker.ms;
    times['api SIGTERM to exit (ms)'] = apiStop.ms;
    times['web SIGTERM to exit (ms)'] = web.ms;
    for (const [service, stop] of Object.entries({ worker, api: apiStop, web })) {
      expect({ service, code: stop.code, signal: stop.signal }).toEqual({ service, code: 0, signal: null });
      expect({ service, withinGrace: stop.ms < stop.graceMs }).toEqual({ service, withinGrace: true });
    }
    const [stopped] = await query<{ done: string; failed: string; queued: string }>(
      `SELECT count(*) FILTER (WHERE status = 'done') AS done, count(*) FILTER (WHERE status = 'failed') AS failed,
              count(*) FILTER (WHERE status = 'queued') AS queued
         FROM batch_item WHERE batch_id = $1`,
      [id],
    );
    times['items done when stopped'] = Number(stopped!.done);
    expect(Number(stopped!.failed)).toBe(0);

    // `docker compose up -d` again: the same commands; the batch goes on where it stopped.
    start('api');
    start('worker');
    await waitHealthy('api');
    await waitHealthy('worker');
    const restarted = Date.now();
    const finished = await waitBatch(id, (b) => b.status === 'done' || b.status === 'failed');
    times['batch finished after restart (ms)'] = Date.now() - restarted;
    expect(finished).toMatchObject({ status: 'done', total, done: total, failed: 0 });
    const [assets] = await query<{ verified: string }>(
      `SELECT count(DISTINCT (a.plate_id, a.format)) AS verified FROM qr_asset a WHERE a.verified_at IS NOT NULL`,
    );
    expect(Number(assets!.verified)).toBe(total);
  });

  it('no secret from .env reached any log line, and the API and worker log JSON lines', () => {
    const output = Object.values(allOutput).join('\n');
    expect(output.length).toBeGreaterThan(0);
    for (const name of ['POSTGRES_PASSWORD', 'REVALIDATE_SECRET', 'ADMIN_TOKEN'] as const) {
      expect({ name, leaked: output.includes(dotEnv[name]!) }).toEqual({ name, leaked: false });
    }
    for (const service of ['api', 'worker'] as const) {
      const lines = allOutput[service].split('\n').filter((line) => line.trim() !== '');
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect({ service, line, json: isJsonObject(line) }).toEqual({ service, line, json: true });
    }
  });

  it('records the measured times', () => {
    mkdirSync(join(REPO_ROOT, 'tmp/artifacts'), { recursive: true });
    writeFileSync(join(REPO_ROOT, 'tmp/artifacts/shutdown-times.json'), `${JSON.stringify(times, null, 2)}\n`);
    console.log(`production stack: ${JSON.stringify(times)}`);
    expect(Object.keys(times).length).toBeGreaterThanOrEqual(10);
  });
});
