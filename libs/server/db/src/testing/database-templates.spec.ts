import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { createPreparedDatabase, discardTemplates, type DatabaseSeed } from './database-templates';
import { createMigratedDataSource, TEST_ENGINES } from './test-database';

/** A seed whose rows come from a file, so the test can change its input and see a new template. */
function fileSeed(file: string): DatabaseSeed & { loads: number } {
  const seed = {
    name: `spec${process.pid}`,
    inputs: [file],
    loads: 0,
    load: async (dataSource: DataSource) => {
      seed.loads++;
      const { readFileSync } = await import('node:fs');
      await dataSource.query(`CREATE TABLE seeded (note text)`);
      await dataSource.query(`INSERT INTO seeded VALUES ($1)`, [readFileSync(file, 'utf8')]);
    },
  };
  return seed;
}

async function notes(settings: Parameters<typeof createDataSource>[0]): Promise<string[]> {
  const dataSource = createDataSource(settings);
  await dataSource.initialize();
  try {
    return ((await dataSource.query(`SELECT note FROM seeded ORDER BY note`)) as { note: string }[]).map((r) => r.note);
  } finally {
    await dataSource.destroy();
  }
}

describe.each(TEST_ENGINES)('database templates on %s', (engine) => {
  it('gives each caller its own copy with the migrations and the seed, loading the seed once per content', async () => {
    const input = join(mkdtempSync(join(tmpdir(), 'seed-input-')), 'note.txt');
    writeFileSync(input, `first ${engine} ${process.pid} ${Date.now()}`);
    const seed = fileSeed(input);
    const a = await createPreparedDatabase(engine, seed);
    const b = await createPreparedDatabase(engine, seed);
    try {
      expect(seed.loads).toBe(1);
      expect(await notes(a.settings)).toEqual([expect.stringMatching(/^first /)]);
      // A write in one copy is not seen in the other.
      const dataSource = createDataSource(a.settings);
      await dataSource.initialize();
      await dataSource.query(`INSERT INTO seeded VALUES ('only in a')`);
      expect(await dataSource.query(`SELECT count(*)::int AS n FROM typeorm_migrations`)).toEqual([{ n: dataSource.migrations.length }]);
      await dataSource.destroy();
      expect(await notes(a.settings)).toHaveLength(2);
      expect(await notes(b.settings)).toHaveLength(1);

      // Changed input: a new template, loaded again, with the new content. The fingerprint is the
      // same code for both engines, so one engine shows it (a PGlite build costs some 15 s of CPU).
      if (engine !== 'postgres') return;
      writeFileSync(input, `second ${engine} ${process.pid} ${Date.now()}`);
      const c = await createPreparedDatabase(engine, seed);
      try {
        expect(seed.loads).toBe(2);
        expect(await notes(c.settings)).toEqual([expect.stringMatching(/^second /)]);
      } finally {
        await c.dispose();
      }
    } finally {
      await a.dispose();
      await b.dispose();
      await discardTemplates(seed);
    }
  }, 120_000);

  it('opens a migrated database with nothing left to run', async () => {
    const db = await createMigratedDataSource(engine);
    try {
      expect(await db.dataSource.showMigrations()).toBe(false);
      expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM plate`)).toEqual([{ n: 0 }]);
    } finally {
      await db.dispose();
    }
  }, 120_000);
});
