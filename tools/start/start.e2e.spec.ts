import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createDataSource } from '@pho-so/server/db';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '@pho-so/server/db/testing';

const root = join(__dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * End to end: `npm start` exactly as a person runs it (the same script, a real child process), on a
 * fresh database of each engine. It must become ready, load the demo city, and stop on Ctrl-C.
 */
describe.each(TEST_ENGINES)('npm start on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine, { onDisk: true });
  });
  afterAll(() => database?.dispose());

  it('serves ready with the demo city loaded, then stops cleanly on SIGINT', async () => {
    const [apiPort, webPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, [join(root, 'tools/start/start.mjs')], {
      cwd: root,
      env: { ...process.env, ...database.env, REDIS_URL: '', API_PORT: String(apiPort), WEB_PORT: String(webPort), NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const running = await new Promise<boolean>((resolve) => {
      const timer = setInterval(() => {
        if (output.includes('Phố Số is running')) resolve(true);
        if (child.exitCode !== null) resolve(false);
      }, 200);
      void exited.then(() => clearInterval(timer));
      child.stdout.once('close', () => clearInterval(timer));
      setTimeout(() => resolve(false), 170_000).unref();
    });
    expect({ running, output: running ? '' : output }).toEqual({ running: true, output: '' });
    expect(output).toContain(`http://localhost:${webPort}`);
    expect(output).toContain(`http://localhost:${apiPort}/api/health/ready`);

    const ready = await fetch(`http://127.0.0.1:${apiPort}/api/health/ready`);
    expect(ready.status).toBe(200);
    const web = await fetch(`http://127.0.0.1:${webPort}/`);
    expect(web.status).toBe(200);
    expect(await web.text()).toContain('Trang này không bao giờ yêu cầu thanh toán, mật khẩu hay thông tin cá nhân.');

    child.kill('SIGINT');
    expect(await exited).toBe(0);

    const dataSource = createDataSource(database.settings);
    await dataSource.initialize();
    try {
      const [counts] = await dataSource.query(`SELECT
        (SELECT count(*)::int FROM administrative_unit WHERE valid_to IS NULL AND level = 'commune') AS communes,
        (SELECT count(*)::int FROM street) AS streets,
        (SELECT count(*)::int FROM procedure) AS procedures,
        (SELECT count(*)::int FROM service_point) AS service_points,
        (SELECT count(*)::int FROM plate) AS plates`);
      expect(counts.communes).toBe(104);
      expect(counts.streets).toBeGreaterThanOrEqual(60);
      expect(counts.procedures).toBeGreaterThanOrEqual(60);
      expect(counts.service_points).toBe(6);
      expect(counts.plates).toBeGreaterThanOrEqual(120);
    } finally {
      await dataSource.destroy();
    }
  }, 240_000);
});
