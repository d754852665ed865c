import { createMigratedDataSource, TEST_ENGINES } from './testing';
import { pendingSchemaChanges } from './schema-drift';
import { MIGRATIONS } from './migrations';

describe.each(TEST_ENGINES)('migrations on %s', (engine) => {
  let db: Awaited<ReturnType<typeof createMigratedDataSource>>;

  beforeAll(async () => {
    db = await createMigratedDataSource(engine);
  }, 60_000);
  afterAll(() => db?.dispose());

  it('leave nothing for TypeORM to generate: entities and migrations agree', async () => {
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });

  it('would notice drift: a dropped column shows up as a pending change', async () => {
    await db.dataSource.query(`ALTER TABLE "plate" DROP COLUMN "installed_at"`);
    const changes = await pendingSchemaChanges(db.dataSource);
    expect(changes.join('\n')).toMatch(/ADD "installed_at" date/);
    await db.dataSource.query(`ALTER TABLE "plate" ADD "installed_at" date`);
  });

  it('provides the search and distance extensions', async () => {
    const [row] = await db.dataSource.query(
      `SELECT immutable_unaccent('Trần Hưng Đạo') AS folded,
              round(earth_distance(ll_to_earth(20.45, 106.34), ll_to_earth(20.44, 106.34))) AS metres,
              similarity('tran hung dao', 'tran hung') > 0.5 AS similar`,
    );
    expect(row).toEqual({ folded: 'Tran Hung Dao', metres: expect.any(Number), similar: true });
    expect(Number(row.metres)).toBeGreaterThan(1100);
    expect(Number(row.metres)).toBeLessThan(1125);
  });

  it('keeps the audit trail append-only', async () => {
    await db.dataSource.query(`INSERT INTO audit_event (actor_label, action) VALUES ('test', 'login')`);
    await expect(db.dataSource.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
  });

  it('rejects a second unit with the same code and start of validity, but allows old and new twins', async () => {
    const insert = (validFrom: string | null, validTo: string | null) =>
      db.dataSource.query(
        `INSERT INTO administrative_unit (code, name, unit_type, level, province_code, valid_from, valid_to, provenance)
         VALUES ('12452', 'Phường Trần Hưng Đạo', 'Phường', 'commune', '33', $1, $2, '{"source":"test","licence":"test","demo":[]}')`,
        [validFrom, validTo],
      );
    await insert(null, '2025-06-30');
    await insert('2025-07-01', null);
    await expect(insert('2025-07-01', null)).rejects.toThrow(/duplicate key/);
    await expect(insert(null, '2025-06-30')).rejects.toThrow(/duplicate key/);
  });

  it('can be rolled back to an empty schema and applied again', async () => {
    // Every migration but the first (extensions only, no tables).
    for (let i = 0; i < MIGRATIONS.length - 1; i++) await db.dataSource.undoLastMigration();
    const tables = await db.dataSource.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations'`);
    expect(tables[0].n).toBe(0);
    await db.dataSource.runMigrations();
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });
});
