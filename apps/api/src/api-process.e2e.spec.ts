import { spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createMigratedDataSource } from '@pho-so/server/db/testing';
import { plateCodeFromSerial } from '@pho-so/shared/domain';

// The compiled API (`node dist/node/apps/api/src/main.js`, what the container runs) with its ops
// listener, stopped by SIGTERM: it drains, writes the scan counts it holds and exits with code 0
// (not 143), a second signal during the shutdown changing nothing. Bounds are for liveness only.

const WORKSPACE_ROOT = join(__dirname, '../../..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

beforeAll(() => {
  const build = spawnSync(process.execPath, [join(WORKSPACE_ROOT, 'tools/build/compile-node.mjs')], { cwd: WORKSPACE_ROOT, encoding: 'utf8', timeout: 120_000 });
  if (build.status !== 0) throw new Error(`compile-node failed:\n${build.stderr}`);
}, 150_000);

describe('the compiled API process', () => {
  it.each([
    ['SIGTERM', []],
    ['SIGTERM', ['SIGTERM', 'SIGINT']],
  ] as Array<[NodeJS.Signals, NodeJS.Signals[]]>)('exits with code 0 after %s (then %j during the shutdown), having written its scan counts', async (signal, more) => {
    const db = await createMigratedDataSource('postgres');
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    const [port, opsPort] = [await freePort(), await freePort()];
    const api = spawn(process.execPath, [join(WORKSPACE_ROOT, 'dist/node/apps/api/src/main.js')], {
      cwd: WORKSPACE_ROOT,
      env: {
        ...env,
        ...db.database.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        API_HOST: '127.0.0.1',
        API_PORT: String(port),
        OPS_HOST: '127.0.0.1',
        OPS_PORT: String(opsPort),
        // Counts reach the database only at shutdown.
        SCAN_FLUSH_INTERVAL_MS: '3600000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    api.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => api.once('exit', (code, s) => resolve({ code, signal: s })));
    try {
      for (let i = 0; ; i++) {
        const up = await fetch(`http://127.0.0.1:${opsPort}/health/ready`).then((r) => r.ok, () => false);
        if (up) break;
        if (i > 600 || api.exitCode !== null) throw new Error(`the API did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(output).toContain(`ops listener on http://127.0.0.1:${opsPort}`);
      const code = plateCodeFromSerial('TB', 900_002);
      for (let i = 0; i < 3; i++) expect((await fetch(`http://127.0.0.1:${port}/api/v1/plates/${code}/scan.gif`)).status).toBe(200);

      const signalledAt = Date.now();
      api.kill(signal);
      for (const next of more) {
        await new Promise((r) => setTimeout(r, 20));
        if (api.exitCode === null && api.signalCode === null) api.kill(next);
      }
      let timer: NodeJS.Timeout | undefined;
      const exit = await Promise.race([
        exited,
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no exit within 60 s:\n${output}`)), 60_000))),
      ]).finally(() => clearTimeout(timer));
      console.log(`API exited ${JSON.stringify(exit)} ${Date.now() - signalledAt} ms after ${[signal, ...more].join(', ')}`);
      expect(exit).toEqual({ code: 0, signal: null });
      const [row] = (await db.dataSource.query(`SELECT sum(count)::int AS n FROM scan_count WHERE plate_code = $1`, [code])) as Array<{ n: number }>;
      expect(row?.n).toBe(3);
    } finally {
      if (api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
      await exited;
      await db.dispose();
    }
  }, 120_000);
});
