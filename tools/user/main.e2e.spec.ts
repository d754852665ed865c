// `npm run user` as an operator runs it: the compiled CLI as a child process, the password piped to
// standard input (never in argv), on a throwaway database of each engine; then the account logs in
// through the real API on that same database.
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '@pho-so/server/db/testing';

const WORKSPACE_ROOT = join(__dirname, '../..');
const MAIN = join(WORKSPACE_ROOT, 'dist/node/tools/user/main.js');
const PASSWORD = 'phố Lê Lợi lúc bình minh';

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

describe.each(TEST_ENGINES)('npm run user (compiled CLI) on %s', (engine) => {
  let database: TestDatabase;
  const argvSeen: string[][] = [];

  const run = (args: string[], stdin: string) => {
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    argvSeen.push(args);
    const result = spawnSync(process.execPath, [MAIN, ...args], {
      cwd: WORKSPACE_ROOT,
      env: { ...env, ...database.env, NODE_ENV: 'test' },
      input: stdin,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine, { onDisk: true });
  });
  afterAll(() => database?.dispose());

  it('refuses weak passwords with the reason and creates nothing', () => {
    const short = run(['create', '--email', 'admin@thaibinh.gov.vn', '--role', 'admin'], 'short pass\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password refused: it must be at least 12 characters long');
    const common = run(['create', '--email', 'admin@thaibinh.gov.vn', '--role', 'admin'], 'qwerty123456\n');
    expect(common.code).toBe(1);
    expect(common.stderr).toContain('commonly used passwords');
    const inArgv = run(['create', '--email', 'admin@thaibinh.gov.vn', '--role', 'admin', '--password', PASSWORD], '');
    expect(inArgv.code).toBe(2);
    expect(inArgv.stderr).toContain('never taken from the command line');
  }, 60_000);

  it('creates an admin from a piped password, refuses a second one, and the admin logs in through the API', async () => {
    const created = run(['create', '--email', 'Admin@ThaiBinh.gov.vn', '--role', 'admin', '--name', 'Quản trị tỉnh'], `${PASSWORD}\n`);
    expect(created.stderr).not.toContain('failed');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^user: created admin admin@thaibinh\.gov\.vn \([0-9a-f-]{36}\)\n$/);
    const again = run(['create', '--email', 'admin@thaibinh.gov.vn', '--role', 'admin'], `${PASSWORD}\n`);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists already');
    for (const output of [created, again]) expect(output.stdout + output.stderr).not.toContain(PASSWORD);
    expect(argvSeen.flat().filter((arg) => arg === PASSWORD)).toHaveLength(1); // only the refused --password run

    // The compiled API process on the same database, as `npm start` would run it.
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    const port = await freePort();
    const api = spawn(process.execPath, [join(WORKSPACE_ROOT, 'dist/node/apps/api/src/main.js')], {
      cwd: WORKSPACE_ROOT,
      env: { ...env, ...database.env, NODE_ENV: 'test', API_HOST: '127.0.0.1', API_PORT: String(port) },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    try {
      for (let i = 0; ; i++) {
        const up = await fetch(`${base}/api/health/live`).then((r) => r.ok, () => false);
        if (up) break;
        if (i > 300 || api.exitCode !== null) throw new Error('the API did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@thaibinh.gov.vn', password: PASSWORD }),
      });
      expect(login.status).toBe(200);
      expect(await login.json()).toMatchObject({ official: { email: 'admin@thaibinh.gov.vn', displayName: 'Quản trị tỉnh', role: 'admin', wardIds: [] } });
    } finally {
      if (api.exitCode === null && api.signalCode === null) {
        const exited = new Promise((r) => api.once('exit', r));
        api.kill('SIGTERM');
        await exited;
      }
    }
  }, 90_000);

  it('sets a new password and disables the account', () => {
    expect(run(['set-password', '--email', 'admin@thaibinh.gov.vn'], 'cầu Bo mùa nước lên\n')).toMatchObject({ code: 0 });
    expect(run(['set-password', '--email', 'nobody@thaibinh.gov.vn'], 'cầu Bo mùa nước lên\n')).toMatchObject({ code: 1, stderr: 'user: no account nobody@thaibinh.gov.vn\n' });
    expect(run(['disable', '--email', 'admin@thaibinh.gov.vn'], '')).toMatchObject({ code: 0, stdout: 'user: admin@thaibinh.gov.vn disabled; its sessions have ended\n' });
  }, 60_000);
});
