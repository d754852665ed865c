import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource, type DatabaseEngine } from '../data-source';
import {
  pgliteFolderTestDatabase,
  postgresTestDatabase,
  testDatabaseUrl,
  throwawayDatabaseName,
  withClient,
  type TestDatabase,
} from './throwaway-database';

/**
 * Rows every database of a kind starts with (the demo city, say), loaded once into its template.
 * `inputs` are the files and folders the rows come from (data files, the loader's code): a change to
 * any of them makes a new template, as does a change to this library (migrations, entities).
 */
export interface DatabaseSeed {
  /** Letters and digits only (a-z, 0-9): part of the template's name. */
  name: string;
  inputs: string[];
  load(dataSource: DataSource): Promise<void>;
}

const MIGRATED_ONLY: DatabaseSeed = { name: 'migrated', inputs: [], load: async () => undefined };

/**
 * Why templates: running the migrations and loading the demo city costs 13-17 s of CPU on PGlite and
 * 2-4 s on Postgres, and the test suite did it for nearly every test file and engine. A template is
 * built once per content (fingerprint below) and machine, and each test gets a copy: `CREATE DATABASE
 * … TEMPLATE` on Postgres, a copied data folder for PGlite (under 1 s both). Tests still own their
 * database, and the template is built by the very migrations the app runs.
 */
export async function createPreparedDatabase(engine: DatabaseEngine, seed: DatabaseSeed = MIGRATED_ONLY): Promise<TestDatabase> {
  return engine === 'postgres' ? clonePostgres(seed) : clonePglite(seed);
}

// ---- fingerprint ----------------------------------------------------------------------------

/** This library's sources (migrations, entities, queries), whether run from TypeScript or the build. */
const DB_LIBRARY_DIR = resolve(__dirname, '..');
const TEMPLATE_FORMAT = 1; // bump when the way templates are built changes

/** The seed's name and inputs, this library's sources and PGlite's version, hashed. */
function fingerprint(seed: DatabaseSeed): string {
  const hash = createHash('sha256');
  hash.update(`format ${TEMPLATE_FORMAT} seed ${seed.name} ${libraryFingerprint()}\n`);
  hashFiles(hash, seed.inputs);
  return hash.digest('hex').slice(0, 16);
}

// The library's own sources do not change during a run: hashed once per process. (A seed's inputs
// are hashed at every call: a test may change them.)
let libraryHash: string | undefined;
function libraryFingerprint(): string {
  libraryHash ??= hashFiles(createHash('sha256').update(`pglite ${pgliteVersion()}\n`), [DB_LIBRARY_DIR]).digest('hex');
  return libraryHash;
}

function hashFiles<H extends ReturnType<typeof createHash>>(hash: H, inputs: string[]): H {
  for (const input of inputs) {
    for (const file of filesUnder(input)) {
      hash.update(`${relative(input, file)}\n`);
      hash.update(readFileSync(file));
    }
  }
  return hash;
}

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const full = join(path, entry.name);
      // Tests and maps do not shape a database.
      if (/\.spec\.[jt]s$|\.map$/.test(entry.name) || full === __dirname) return [];
      return entry.isDirectory() ? filesUnder(full) : [full];
    });
}

/** The installed PGlite's version (its data folder format may change with it); the package does not export its package.json. */
function pgliteVersion(): string {
  for (let dir = dirname(require.resolve('@electric-sql/pglite')); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (name === '@electric-sql/pglite' && version) return version;
  }
  throw new Error('cannot find the version of @electric-sql/pglite');
}

async function buildInto(settings: { url?: string; dataDir: string }, seed: DatabaseSeed): Promise<void> {
  const dataSource = createDataSource(settings);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    await seed.load(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

// ---- Postgres: CREATE DATABASE … TEMPLATE ---------------------------------------------------

const postgresTemplates = new Map<string, Promise<string>>();

async function clonePostgres(seed: DatabaseSeed): Promise<TestDatabase> {
  const adminUrl = testDatabaseUrl();
  const name = throwawayDatabaseName();
  for (let attempt = 1; ; attempt++) {
    const template = await postgresTemplate(adminUrl, seed);
    try {
      await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      break;
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 55006: someone is connected to the template for a moment (another run building or checking);
      // 3D000: another checkout replaced it. Both pass; anything else is a real failure.
      if (attempt >= 20 || (code !== '55006' && code !== '3D000')) throw error;
      if (code === '3D000') postgresTemplates.delete(templateKey(seed));
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
  return postgresTestDatabase(name);
}

const templateKey = (seed: DatabaseSeed) => `${seed.name}_${fingerprint(seed)}`;

/** This process's promise of the seed's template (built or found once), forgotten if it fails. */
function onceFor(templates: Map<string, Promise<string>>, seed: DatabaseSeed, ensure: (key: string) => Promise<string>): Promise<string> {
  const key = templateKey(seed);
  let template = templates.get(key);
  if (!template) {
    template = ensure(key);
    template.catch(() => templates.delete(key));
    templates.set(key, template);
  }
  return template;
}

const postgresTemplate = (adminUrl: string, seed: DatabaseSeed) =>
  onceFor(postgresTemplates, seed, (key) => ensurePostgresTemplate(adminUrl, seed, `pho_so_tpl_${key}`));

async function ensurePostgresTemplate(adminUrl: string, seed: DatabaseSeed, name: string): Promise<string> {
  return withClient(adminUrl, async (client) => {
    const exists = async () => (await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
    if (await exists()) return name;
    // One builder at a time on this server (other shards and checkouts wait here, then find it built).
    await client.query(`SELECT pg_advisory_lock(hashtext('pho-so test templates'))`);
    try {
      if (await exists()) return name;
      // A builder that died left this behind; it never became a template.
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${building}"`);
      const url = new URL(adminUrl);
      url.pathname = `/${building}`;
      try {
        await buildInto({ url: url.toString(), dataDir: 'memory://' }, seed);
      } catch (error) {
        await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`).catch(() => undefined);
        throw error;
      }
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      // Older templates of this seed are stale: drop those nobody is copying right now.
      const stale = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2 AND datname NOT LIKE '%\\_building'`,
        [`pho\\_so\\_tpl\\_${seed.name}\\_%`, name],
      );
      for (const { datname } of stale.rows) await client.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
      return name;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext('pho-so test templates'))`);
    }
  });
}

// ---- PGlite: a copied data folder -----------------------------------------------------------

const TEMPLATE_ROOT = join(tmpdir(), 'pho-so-test-templates');
const pgliteTemplates = new Map<string, Promise<string>>();

async function clonePglite(seed: DatabaseSeed): Promise<TestDatabase> {
  const database = pgliteFolderTestDatabase();
  const { dataDir } = database.settings;
  for (let attempt = 1; ; attempt++) {
    const template = await pgliteTemplate(seed);
    try {
      // The lock file names the process that built the template, not this one.
      cpSync(template, dataDir, { recursive: true, filter: (source) => basename(source) !== 'pho-so.lock' });
      break;
    } catch (error) {
      // Another checkout's run removed it as stale: build it again, once.
      rmSync(dataDir, { recursive: true, force: true });
      if (attempt >= 2 || existsSync(join(template, 'PG_VERSION'))) {
        await database.dispose();
        throw error;
      }
      pgliteTemplates.delete(templateKey(seed));
    }
  }
  return database;
}

const pgliteTemplate = (seed: DatabaseSeed) => onceFor(pgliteTemplates, seed, (key) => ensurePgliteTemplate(seed, join(TEMPLATE_ROOT, key)));

async function ensurePgliteTemplate(seed: DatabaseSeed, folder: string): Promise<string> {
  if (existsSync(join(folder, 'PG_VERSION'))) return folder;
  mkdirSync(TEMPLATE_ROOT, { recursive: true });
  // Built aside and renamed into place, so no process ever copies a half-built folder; when two
  // processes build at once, the first rename wins and the other's copy is thrown away.
  const building = mkdtempSync(join(TEMPLATE_ROOT, `.building-${seed.name}-`));
  try {
    await buildInto({ dataDir: join(building, 'pglite') }, seed);
    try {
      renameSync(join(building, 'pglite'), folder);
    } catch (error) {
      if (!existsSync(join(folder, 'PG_VERSION'))) throw error;
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  removeStalePgliteTemplates(seed, folder);
  return folder;
}

/** Templates of this seed from older sources, unused for an hour (a run of another checkout may still copy a newer one). */
function removeStalePgliteTemplates(seed: DatabaseSeed, current: string): void {
  const hourAgo = Date.now() - 60 * 60 * 1000;
  for (const entry of readdirSync(TEMPLATE_ROOT)) {
    const folder = join(TEMPLATE_ROOT, entry);
    if (folder === current || !entry.startsWith(`${seed.name}_`)) continue;
    try {
      if (statSync(folder).mtimeMs < hourAgo) rmSync(folder, { recursive: true, force: true });
    } catch {
      // removed by another process meanwhile
    }
  }
}

/** Drops every template of `seed` on both engines (for tests whose seeds are one-offs). */
export async function discardTemplates(seed: DatabaseSeed): Promise<void> {
  for (const key of [...postgresTemplates.keys(), ...pgliteTemplates.keys()]) {
    if (key.startsWith(`${seed.name}_`)) {
      postgresTemplates.delete(key);
      pgliteTemplates.delete(key);
    }
  }
  await withClient(testDatabaseUrl(), async (client) => {
    const templates = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`pho\\_so\\_tpl\\_${seed.name}\\_%`]);
    for (const { datname } of templates.rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
  if (!existsSync(TEMPLATE_ROOT)) return;
  for (const entry of readdirSync(TEMPLATE_ROOT)) {
    if (entry.startsWith(`${seed.name}_`)) rmSync(join(TEMPLATE_ROOT, entry), { recursive: true, force: true });
  }
}
