// `npm start`: one command from a fresh clone to a running platform on this machine.
//   1. compiles the server code (SWC, about a second) and validates the configuration;
//   2. builds the web app when its sources changed since the last build;
//   3. migrates the database and loads the demo city into an empty one;
//   4. starts the API and the web app (and the worker when DATABASE_URL and REDIS_URL are both set:
//      without Redis, jobs run inside the API; with PGlite, only one process may open the database);
//   5. waits until they answer, prints the URLs, and on Ctrl-C stops them all cleanly.
// Plain JavaScript on purpose: it must run before anything is built.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { ensureWebBuild, webServerPath as webServer } from '../build/web-build.mjs';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const require = createRequire(import.meta.url);
const node = process.execPath;
const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
const say = (message) => console.log(`[start] ${message}`);

function runStep(title, command, args, env = process.env) {
  say(title);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    say(`failed: ${title}`);
    process.exit(result.status ?? 1);
  }
}

runStep('compiling server code', node, [join(root, 'tools/build/compile-node.mjs')]);

let config;
try {
  config = require(join(root, 'dist/node/libs/server/config/src/index.js')).loadConfig(process.env);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

try {
  ensureWebBuild({ log: say });
} catch (error) {
  say(`failed: ${error.message}`);
  process.exit(1);
}

runStep(
  config.DATABASE_URL ? 'migrating the Postgres database' : `migrating the embedded database in ${config.DATA_DIR}/`,
  node,
  [join(root, 'dist/node/tools/db/migrate.js'), '--demo-if-empty'],
);

const apiUrl = `http://127.0.0.1:${config.API_PORT}`;
// The shared secret of the web's on-demand revalidation (POST /internal/revalidate): the one given, or
// one made up for this run, so the endpoint is on without anyone having to choose a secret.
const revalidateSecret = process.env.REVALIDATE_SECRET || randomBytes(24).toString('hex');

// The API and the worker ask the web app to revalidate edited pages with the same secret.
const webInternalUrl = process.env.WEB_INTERNAL_URL || `http://127.0.0.1:${config.WEB_PORT}`;
const revalidateEnv = { WEB_INTERNAL_URL: webInternalUrl, REVALIDATE_SECRET: revalidateSecret };

const services = [
  { name: 'api', args: [join(root, 'dist/node/apps/api/src/main.js')], env: { ...revalidateEnv } },
  {
    name: 'web',
    args: [webServer],
    env: {
      PORT: String(config.WEB_PORT),
      HOSTNAME: process.env.WEB_HOST ?? '0.0.0.0',
      API_INTERNAL_URL: process.env.API_INTERNAL_URL ?? apiUrl,
      PUBLIC_BASE_URL: config.PUBLIC_BASE_URL,
      REVALIDATE_SECRET: revalidateSecret,
    },
  },
];
if (config.DATABASE_URL && config.REDIS_URL) services.push({ name: 'worker', args: [join(root, 'dist/node/apps/worker/src/main.js')], env: { ...revalidateEnv } });

const children = new Map();
let stopping = false;

function prefixLines(name, stream, target) {
  let buffer = '';
  stream.on('data', (chunk) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) target.write(`[${name}] ${line}\n`);
  });
}

for (const service of services) {
  const child = spawn(node, service.args, { cwd: root, env: { ...process.env, ...service.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  prefixLines(service.name, child.stdout, process.stdout);
  prefixLines(service.name, child.stderr, process.stderr);
  children.set(service.name, child);
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (!stopping) {
      say(`${service.name} exited unexpectedly (${signal ?? `code ${code}`}); stopping the rest`);
      stop(1);
    } else if (children.size === 0) {
      say('stopped');
      process.exit(process.exitCode ?? 0);
    }
  });
}

function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  if (children.size === 0) process.exit(exitCode);
  say('stopping...');
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(exitCode);
  }, 15_000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url, deadline) {
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

const deadline = Date.now() + 120_000;
const [apiReady, webReady] = await Promise.all([
  waitFor(`${apiUrl}/api/health/ready`, deadline),
  waitFor(`http://127.0.0.1:${config.WEB_PORT}/healthz`, deadline),
]);
if (stopping) await new Promise(() => undefined);
if (!apiReady || !webReady) {
  say(`not ready after 120 s (api: ${apiReady ? 'ready' : 'not ready'}, web: ${webReady ? 'ready' : 'not ready'})`);
  stop(1);
} else {
  const engines = `${config.DATABASE_URL ? 'Postgres' : 'embedded PGlite'}, ${config.REDIS_URL ? 'BullMQ on Redis' : 'in-process jobs'}`;
  console.log(
    [
      '',
      `Phố Số is running (${engines}), ready in ${elapsed()}:`,
      `  web   http://localhost:${config.WEB_PORT}`,
      `  api   http://localhost:${config.API_PORT}/api/v1`,
      `  ready http://localhost:${config.API_PORT}/api/health/ready`,
      `  docs  http://localhost:${config.API_PORT}/api/docs`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}
