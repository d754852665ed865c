// The whole public stack as it runs in production, for the web browser tests and Lighthouse:
//   - the server code compiled (dist/node) and the Next.js standalone build, rebuilt only when stale;
//   - a fresh embedded database (PGlite, real Postgres in WebAssembly) in a temporary folder, migrated
//     and loaded with the demo city by the real migrate tool;
//   - the real API (dist/node/apps/api/src/main.js, NODE_ENV=production) and the Next.js standalone
//     server (apps/web/.next/standalone/apps/web/server.js) as child processes on free local ports; the
//     web server runs from a private copy of the standalone app without its runtime caches, because
//     Next writes the pages it generates (ISR) and its fetch cache into that folder: a page cached by an
//     earlier run, or by another stack running now, would show another database's ids;
//   - ready when the API's /api/health/ready and the web's /healthz answer 200.
// Nothing here imports server code: everything runs as the processes that production runs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The repository root, from the sources (Jest) or from the compiled copy in dist/node. */
export const REPO_ROOT = __dirname.includes('/dist/node/') ? resolve(__dirname, '../../../..') : resolve(__dirname, '../..');
export const WEB_SERVER = join(REPO_ROOT, 'apps/web/.next/standalone/apps/web/server.js');

/**
 * Copies the standalone app into `into` (its own apps/web beside a link to the standalone node_modules,
 * the layout server.js expects), leaving out what Next wrote at run time: the fetch cache and the route
 * cache of generated pages. Next writes the pages it regenerates into that folder, so a shared one would
 * mix one stack's database with another's. Returns the copy's server.js.
 */
export function privateWebServer(into: string): string {
  const standalone = join(REPO_ROOT, 'apps/web/.next/standalone');
  const app = join(standalone, 'apps/web');
  const runtimeCache = /^\/\.next\/(cache|server\/route-cache)(\/|$)/;
  cpSync(app, join(into, 'apps/web'), { recursive: true, filter: (source) => !runtimeCache.test(source.slice(app.length)) });
  symlinkSync(join(standalone, 'node_modules'), join(into, 'node_modules'), 'dir');
  return join(into, 'apps/web/server.js');
}

export interface WebStackOptions {
  /** Compile the server code first (skip when running from dist/node, which is already compiled). */
  compile?: boolean;
  /** Build the web app when its sources changed (tools/build/web-build.mjs). */
  build?: boolean;
  /**
   * The database to migrate and serve, as environment (`DATABASE_URL`, or `DATA_DIR`), e.g. a
   * TestDatabase's `env`. Default: a fresh embedded database in a temporary folder.
   */
  databaseEnv?: Record<string, string>;
  /** Extra environment for the API process. */
  apiEnv?: Record<string, string>;
  /**
   * Officials' accounts to create (with the real CLI, tools/user) after the migration and before the
   * API starts: an embedded database has one process at a time.
   */
  officials?: readonly StackOfficial[];
  /** Extra environment for the web process. */
  webEnv?: Record<string, string>;
  /** Progress lines ("building the web app", "ready in 4.2 s"). */
  log?: (message: string) => void;
  /** How long the API and web may take to answer once started. */
  readyTimeoutMs?: number;
}

export interface StackOfficial {
  email: string;
  password: string;
  role: 'admin' | 'ward_editor';
  /** GSO codes of the wards of a ward_editor. */
  wards?: readonly string[];
}

export interface WebStack {
  /** http://127.0.0.1:<port> of the API */
  apiUrl: string;
  /** http://127.0.0.1:<port> of the web app */
  webUrl: string;
  /** The shared secret of on-demand revalidation, as given to the web app. */
  revalidateSecret: string;
  /** The last output of a process (for a failure message). */
  output(name: 'api' | 'web'): string;
  /** Stops both processes (SIGTERM, then SIGKILL after 10 s) and deletes the database folder. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a node script to completion, quietly; returns its output, which goes into the error when it fails. */
function runNode(title: string, args: string[], env: NodeJS.ProcessEnv, input?: string): string {
  const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...(input === undefined ? {} : { input }) });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status ?? result.signal}):\n${output.trim().slice(-6000)}`);
  return output;
}

const secondsSince = (start: number) => `${((Date.now() - start) / 1000).toFixed(1)} s`;

/** The environment of a child: ours without anything that would point it at another database or Redis. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', DATABASE_URL: '', REDIS_URL: '', NEXT_TELEMETRY_DISABLED: '1' };
  return { ...env, ...extra };
}

class ChildOutput {
  private text = '';
  constructor(child: ChildProcess) {
    const append = (chunk: Buffer) => {
      this.text = (this.text + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
  }
  toString(): string {
    return this.text;
  }
}

async function waitForOk(url: string, deadline: number, child: ChildProcess): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (${child.signalCode ?? `code ${child.exitCode}`}) before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 in time`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function startWebStack(options: WebStackOptions = {}): Promise<WebStack> {
  const { compile = true, build = true, databaseEnv, apiEnv = {}, webEnv = {}, officials = [], log = () => undefined, readyTimeoutMs = 60_000 } = options;
  const started = Date.now();
  if (compile) runNode('compiling the server code', [join(REPO_ROOT, 'tools/build/compile-node.mjs')], childEnv({}));
  if (build) {
    const buildStart = Date.now();
    log('web build: checking (builds only when the sources changed)');
    const output = runNode('building the web app', [join(REPO_ROOT, 'tools/build/web-build.mjs')], childEnv({}));
    log(output.includes('up to date') ? 'web build: up to date' : `web build: built in ${secondsSince(buildStart)}`);
  }
  if (!existsSync(WEB_SERVER)) throw new Error(`no web build at ${WEB_SERVER}: run npm run build:web`);

  // The database folder and the web server's copy; deleted by stop().
  const dataDir = mkdtempSync(join(tmpdir(), 'pho-so-web-stack-'));
  const children: ChildProcess[] = [];
  const killAll = () => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL'));
  // If this process dies without calling stop() (Ctrl-C on Jest), take the servers along.
  process.once('exit', killAll);
  const stop = async () => {
    process.removeListener('exit', killAll);
    await Promise.all(children.map(stopChild));
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const [apiPort, webPort] = [await freePort(), await freePort()];
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const webUrl = `http://127.0.0.1:${webPort}`;
    const revalidateSecret = randomBytes(24).toString('hex');
    const serverEnv = { NODE_ENV: 'production', ...(databaseEnv ?? { DATA_DIR: dataDir }), PUBLIC_BASE_URL: webUrl, API_INTERNAL_URL: apiUrl, REVALIDATE_SECRET: revalidateSecret };

    const migrateStart = Date.now();
    log(`database: migrating ${databaseEnv ? 'the given' : 'a fresh embedded'} database and loading the demo city`);
    runNode('migrating the database', [join(REPO_ROOT, 'dist/node/tools/db/migrate.js'), '--demo-if-empty'], childEnv(serverEnv));
    log(`database: ready in ${secondsSince(migrateStart)}`);
    for (const official of officials) {
      // The password goes through stdin, as the CLI requires (never argv).
      const args = ['create', '--email', official.email, '--role', official.role, ...(official.wards ?? []).flatMap((ward) => ['--ward', ward])];
      runNode(`creating the official ${official.email}`, [join(REPO_ROOT, 'dist/node/tools/user/main.js'), ...args], childEnv(serverEnv), `${official.password}\n`);
    }
    if (officials.length > 0) log(`database: ${officials.length} official(s) created`);

    const api = spawn(process.execPath, [join(REPO_ROOT, 'dist/node/apps/api/src/main.js')], {
      cwd: REPO_ROOT,
      env: childEnv({
        ...serverEnv,
        API_HOST: '127.0.0.1',
        API_PORT: String(apiPort),
        // The web server reaches the API from one address for every visitor; the tests load many pages fast.
        RATE_LIMIT_PER_MINUTE: '100000',
        // After an edit the API asks the web app to revalidate the affected pages (with REVALIDATE_SECRET).
        WEB_INTERNAL_URL: webUrl,
        ...apiEnv,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(api);
    const web = spawn(process.execPath, [privateWebServer(join(dataDir, 'web'))], {
      cwd: REPO_ROOT,
      env: childEnv({ ...serverEnv, PORT: String(webPort), HOSTNAME: '127.0.0.1', ...webEnv }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(web);
    const outputs = { api: new ChildOutput(api), web: new ChildOutput(web) };

    const deadline = Date.now() + readyTimeoutMs;
    await Promise.all([
      waitForOk(`${apiUrl}/api/health/ready`, deadline, api).catch((error: Error) => {
        throw new Error(`api: ${error.message}\n${outputs.api}`);
      }),
      waitForOk(`${webUrl}/healthz`, deadline, web).catch((error: Error) => {
        throw new Error(`web: ${error.message}\n${outputs.web}`);
      }),
    ]);
    log(`api ${apiUrl} and web ${webUrl} ready in ${secondsSince(started)}`);
    return { apiUrl, webUrl, revalidateSecret, output: (name) => outputs[name].toString(), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
