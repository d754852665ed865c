import { join } from 'node:path';
import { createMigratedDataSource, TEST_ENGINES } from '@pho-so/server/db/testing';
import { loadDemoCity } from './demo-city';

const dataDir = join(__dirname, '../../../../data');

// Integration: the real demo dataset into a real migrated database on each engine.
describe.each(TEST_ENGINES)('demo city on %s', (engine) => {
  let db: Awaited<ReturnType<typeof createMigratedDataSource>>;
  beforeAll(async () => {
    db = await createMigratedDataSource(engine);
  }, 60_000);
  afterAll(() => db?.dispose());

  it('loads every file, then reports everything unchanged on a second load', async () => {
    const first = await db.dataSource.transaction((manager) => loadDemoCity(manager, dataDir));
    expect(first.every((s) => s.updated === 0 && s.unchanged === 0 && s.rejected === 0 && s.created > 0)).toBe(true);

    const second = await db.dataSource.transaction((manager) => loadDemoCity(manager, dataDir));
    for (const summary of second) {
      expect({ kind: summary.kind, created: summary.created, updated: summary.updated }).toEqual({ kind: summary.kind, created: 0, updated: 0 });
      expect(summary.unchanged).toBe(first.find((s) => s.kind === summary.kind)?.created);
    }

    const [counts] = await db.dataSource.query(`SELECT
      (SELECT count(*)::int FROM administrative_unit WHERE valid_to IS NULL AND level = 'commune' AND province_code = '33') AS communes,
      (SELECT count(*)::int FROM administrative_unit_succession) AS successions,
      (SELECT count(*)::int FROM street_ward) AS street_wards,
      (SELECT count(*)::int FROM procedure_channel) AS channels,
      (SELECT count(*)::int FROM procedure_channel WHERE time_unit IS NULL AND time_value IS NOT NULL) AS unitless_times`);
    expect(counts.communes).toBe(104);
    expect(counts.successions).toBe(27);
    expect(counts.street_wards).toBeGreaterThanOrEqual(84);
    expect(counts.channels).toBeGreaterThan(193);
    // The crawl gives many times without a unit; they must stay unit-less, not be guessed.
    expect(counts.unitless_times).toBeGreaterThan(0);
  }, 120_000);

  it('links each old ward of the city to the new ward it became', async () => {
    const rows = await db.dataSource.query(
      `SELECT o.name AS old_name, n.name AS new_name FROM administrative_unit_succession s
       JOIN administrative_unit o ON o.id = s.predecessor_id JOIN administrative_unit n ON n.id = s.successor_id
       WHERE o.name = 'Phường Đề Thám'`,
    );
    expect(rows).toEqual([{ old_name: 'Phường Đề Thám', new_name: 'Phường Trần Hưng Đạo' }]);
  });
});
