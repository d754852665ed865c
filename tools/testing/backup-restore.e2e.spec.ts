// The backup procedure of docs/operations.md, end to end on the local Postgres with the real client
// binaries: a database migrated with the demo city by the compiled migrate tool, changed after the
// seed (a plate edited in SQL, scans counted by the compiled API), dumped with `pg_dump --format=custom`
// while that API is serving, restored with `pg_restore` into a fresh empty database, migrated again
// (as the compose `migrate` service does on every start: nothing to do, no demo city), and served by
// the compiled API, which must answer the same plate with the same body. In production pg_dump runs
// inside the postgres container (its client matches the server); here it is whatever `pg_dump` is on
// the PATH, or PG_DUMP / PG_RESTORE. (This test found that an index on earthdistance's ll_to_earth
// cannot be rebuilt by pg_restore; migration 1764307200000 moved it to earth_point.)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource, pendingSchemaChanges } from '@pho-so/server/db';
import { createTestDatabase, type TestDatabase } from '@pho-so/server/db/testing';

const WORKSPACE_ROOT = join(__dirname, '../..');
const MIGRATE = join(WORKSPACE_ROOT, 'dist/node/tools/db/migrate.js');
const API_MAIN = join(WORKSPACE_ROOT, 'dist/node/apps/api/src/main.js');
const PG_DUMP = process.env['PG_DUMP'] ?? 'pg_dump';
const PG_RESTORE = process.env['PG_RESTORE'] ?? 'pg_restore';
/** Not in the demo data: only a dump of the live database can bring it back. */
const EDITED_POSITION = 'Sao lưu: cột điện số 7, trước cổng UBND (restore drill)';
const EDITED_INSTALLED_AT = '2026-11-20';
const SCANS = 3;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Dump file and the processes' DATA_DIR (assets), removed in afterAll. */
let workDir: string;

/** The environment of a compiled child process on `database`: no Redis, no inherited Jest flags. */
function childEnv(database: TestDatabase, extra: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _jest, ...env } = process.env;
  return { ...env, REDIS_URL: '', DATA_DIR: join(workDir, 'data'), ASSET_DIR: '', ...database.env, NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://phoso.example.gov.vn', ...extra };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { cwd: WORKSPACE_ROOT, env, encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The exit code, and the output only when it failed (so a failure shows it). */
const outcome = (result: { code: number | null; stdout: string; stderr: string }) => ({
  code: result.code,
  output: result.code === 0 ? '' : `${result.stdout}${result.stderr}`,
});

function migrate(database: TestDatabase, loadDemoData: boolean) {
  return run(process.execPath, [MIGRATE, '--demo-if-empty'], childEnv(database, { LOAD_DEMO_DATA: String(loadDemoData), DEMO_DATA_DIR: 'data' }));
}

interface RunningApi {
  base: string;
  /** SIGTERM, then wait for the exit (graceful shutdown writes the scan counts it holds): how it ended. */
  stop(): Promise<string>;
}

const running = new Set<ChildProcess>();
/** A graceful stop: the process exits 0, or Nest's shutdown hooks close the app and re-raise the signal. */
const CLEAN_STOP = ['exit code 0', 'SIGTERM'];

async function startApi(database: TestDatabase): Promise<RunningApi> {
  const port = await freePort();
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: WORKSPACE_ROOT,
    env: childEnv(database, { LOAD_DEMO_DATA: 'false', API_HOST: '127.0.0.1', API_PORT: String(port), RESPONSE_CACHE_SECONDS: '0' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`)));
  void exited.then(() => running.delete(child));
  const base = `http://127.0.0.1:${port}`;
  // Polls readiness (database reachable); the bound only turns a hang into a failure with the output.
  for (let i = 0; ; i++) {
    const ready = await fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (child.exitCode !== null || i > 600) {
      child.kill('SIGKILL');
      throw new Error(`the API did not become ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

async function query<T extends object>(database: TestDatabase, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** What a restore must bring back besides the rows: extensions, functions, indexes, triggers, constraints. */
async function schemaOf(database: TestDatabase) {
  return {
    extensions: await query(database, `SELECT extname, extversion FROM pg_extension ORDER BY extname`),
    functions: await query(database, `SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS args FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace LEFT JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e' WHERE n.nspname = 'public' AND d.objid IS NULL ORDER BY 1, 2`),
    indexes: await query(database, `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`),
    triggers: await query(database, `SELECT tgrelid::regclass::text AS "table", tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`),
    // By name and kind: a CHECK's text is deparsed differently after a reload (`IN (...)` casts move).
    constraints: await query(database, `SELECT conrelid::regclass::text AS "table", conname, contype FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`),
  };
}

/** Rows per table of the public schema. */
async function rowCounts(database: TestDatabase): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(database, `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await query<{ n: string }>(database, `SELECT count(*) AS n FROM "${name}"`);
    counts[name] = Number(row?.n);
  }
  return counts;
}

const migrationsOf = (database: TestDatabase) => query(database, `SELECT id, "timestamp", name FROM typeorm_migrations ORDER BY id`);

describe('backup and restore (pg_dump --format=custom, pg_restore into a fresh database)', () => {
  let source: TestDatabase;
  let restored: TestDatabase;
  let plateCode: string;
  let beforeBody: unknown;

  beforeAll(async () => {
    const build = run(process.execPath, [join(WORKSPACE_ROOT, 'tools/build/compile-node.mjs')], { ...process.env, NODE_OPTIONS: '' });
    if (build.code !== 0) throw new Error(`compile-node failed:\n${build.stderr}`);
    workDir = mkdtempSync(join(tmpdir(), 'pho-so-backup-'));
    source = await createTestDatabase('postgres');
    // `createdb`: an empty database, as the procedure restores into.
    restored = await createTestDatabase('postgres');
  }, 180_000);

  afterAll(async () => {
    for (const child of running) child.kill('SIGKILL');
    await source?.dispose();
    await restored?.dispose();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  }, 60_000);

  it('migrates a fresh database with the demo city, then the live data changes', async () => {
    const migrated = migrate(source, true);
    expect(outcome(migrated)).toEqual({ code: 0, output: '' });
    // Judged by the database, not by the tool's log lines.
    expect((await migrationsOf(source)).length).toBeGreaterThan(0);
    expect((await rowCounts(source))['administrative_unit']).toBeGreaterThan(0);

    // A demo plate on a street, in use; the first in code order, so the choice is stable.
    const [plate] = await query<{ code: string }>(source, `SELECT p.code FROM plate p JOIN street s ON s.id = p.street_id WHERE p.status = 'active' ORDER BY p.code LIMIT 1`);
    expect(plate).toBeDefined();
    plateCode = plate!.code;
    // An edit the demo data does not contain (as an official's edit would land in the row).
    await query(source, `UPDATE plate SET position_description = $2, installed_at = $3 WHERE code = $1`, [plateCode, EDITED_POSITION, EDITED_INSTALLED_AT]);

    // Scans counted by the API itself: in memory without Redis, written to scan_count at graceful shutdown.
    const counter = await startApi(source);
    try {
      for (let i = 0; i < SCANS; i++) {
        const scan = await fetch(`${counter.base}/api/v1/plates/${plateCode}/scan.gif`);
        expect(scan.status).toBe(200);
        await scan.arrayBuffer();
      }
    } finally {
      expect(CLEAN_STOP).toContain(await counter.stop());
    }
    const [scans] = await query<{ count: string }>(source, `SELECT count FROM scan_count WHERE plate_code = $1`, [plateCode]);
    expect(Number(scans?.count)).toBe(SCANS);
  }, 180_000);

  it('dumps with pg_dump --format=custom while the API serves, and pg_restore can list the archive', async () => {
    const api = await startApi(source);
    const dumpFile = join(workDir, 'backup.dump');
    try {
      const response = await fetch(`${api.base}/api/v1/plates/${plateCode.toLowerCase()}`);
      expect(response.status).toBe(200);
      beforeBody = await response.json();
      expect(beforeBody).toMatchObject({ plate: { code: plateCode, positionDescription: EDITED_POSITION, installedAt: EDITED_INSTALLED_AT } });
      // pg_dump reads one consistent snapshot; the site need not stop for a backup.
      const dump = run(PG_DUMP, ['--format=custom', `--file=${dumpFile}`, `--dbname=${source.env.DATABASE_URL}`]);
      expect(outcome(dump)).toEqual({ code: 0, output: '' });
      expect(dump.stderr).toBe('');
      expect(statSync(dumpFile).size).toBeGreaterThan(0);
    } finally {
      expect(CLEAN_STOP).toContain(await api.stop());
    }
    // The cheap check the nightly job makes on every archive: its table of contents reads back.
    const list = run(PG_RESTORE, ['--list', dumpFile]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('TABLE DATA public plate');
    expect(list.stdout).toContain('TABLE DATA public typeorm_migrations');
  }, 120_000);

  it('restores into a fresh empty database in one transaction, with the same schema, rows and migrations', async () => {
    const restore = run(PG_RESTORE, ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${restored.env.DATABASE_URL}`, join(workDir, 'backup.dump')]);
    expect(outcome(restore)).toEqual({ code: 0, output: '' });
    expect(restore.stderr).toBe('');

    expect(await schemaOf(restored)).toEqual(await schemaOf(source));
    // Every migration of this release is recorded, and the schema is what the entities expect (as the
    // schema-drift test checks on a freshly migrated database).
    const dataSource = createDataSource({ url: restored.env.DATABASE_URL, dataDir: 'memory://' });
    await dataSource.initialize();
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      expect((await migrationsOf(restored)).map((m) => (m as { name: string }).name)).toEqual(dataSource.migrations.map((m) => m.name));
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
    const counts = await rowCounts(restored);
    expect(counts).toEqual(await rowCounts(source));
    expect(counts['plate']).toBeGreaterThan(0);
    expect(await migrationsOf(restored)).toEqual(await migrationsOf(source));

    const [scans] = await query<{ count: string }>(restored, `SELECT count FROM scan_count WHERE plate_code = $1`, [plateCode]);
    expect(Number(scans?.count)).toBe(SCANS);
    // The audit trail stays append-only after a restore (its trigger came back and is enabled).
    const [trigger] = await query<{ tgenabled: string }>(restored, `SELECT tgenabled FROM pg_trigger WHERE tgname = 'TRG_audit_event_append_only'`);
    expect(trigger?.tgenabled).toBe('O');
  }, 120_000);

  it('is brought up to date by the migrate command as a no-op: no migration, no demo city', async () => {
    const countsBefore = await rowCounts(restored);
    // LOAD_DEMO_DATA=true on purpose: even when asked, the demo city must not be loaded over restored data.
    const again = migrate(restored, true);
    expect(outcome(again)).toEqual({ code: 0, output: '' });
    expect(await rowCounts(restored)).toEqual(countsBefore);
    expect(await migrationsOf(restored)).toEqual(await migrationsOf(source));
  }, 120_000);

  it('serves the same plate, with the edit made after the seed, from the restored database', async () => {
    const api = await startApi(restored);
    try {
      const response = await fetch(`${api.base}/api/v1/plates/${plateCode}`);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toEqual(beforeBody);
      expect(body).toMatchObject({ plate: { code: plateCode, positionDescription: EDITED_POSITION, installedAt: EDITED_INSTALLED_AT } });
    } finally {
      expect(CLEAN_STOP).toContain(await api.stop());
    }
  }, 120_000);
});
