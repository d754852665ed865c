import { createMigratedDataSource, TEST_ENGINES } from '../testing';
import { nearestServicePoints } from './nearest-service-points';

const insertPoint = (key: string, lat: number, lng: number) =>
  `INSERT INTO service_point (key, kind, name, address, lat, lng, opening_hours, provenance)
   VALUES ('${key}', 'branch', '${key}', 'test', ${lat}, ${lng}, 'Mo-Fr 08:00-17:00', '{"source":"test","licence":"test","demo":["*"]}')`;

describe.each(TEST_ENGINES)('nearestServicePoints on %s', (engine) => {
  let db: Awaited<ReturnType<typeof createMigratedDataSource>>;
  beforeAll(async () => {
    db = await createMigratedDataSource(engine);
    // About 1.1 km per 0.01° of latitude.
    for (const [key, lat] of [['far', 20.5], ['near', 20.451], ['middle', 20.46]] as const) await db.dataSource.query(insertPoint(key, lat, 106.34));
  }, 60_000);
  afterAll(() => db?.dispose());

  it('returns the nearest first with great-circle metres, limited', async () => {
    const rows = await nearestServicePoints(db.dataSource.manager, { lat: 20.45, lng: 106.34 }, 2);
    const keys = await Promise.all(rows.map(async (r) => (await db.dataSource.query(`SELECT key FROM service_point WHERE id = $1`, [r.id]))[0].key));
    expect(keys).toEqual(['near', 'middle']);
    expect(rows[0]?.distanceM).toBeGreaterThan(100);
    expect(rows[0]?.distanceM).toBeLessThan(120);
  });

  it('walks the GiST index nearest-first', async () => {
    await db.dataSource.query('SET enable_seqscan = off');
    const plan: { 'QUERY PLAN': string }[] = await db.dataSource.query(
      `EXPLAIN SELECT id FROM service_point ORDER BY earth_point(lat, lng) <-> ll_to_earth(20.45, 106.34) LIMIT 2`,
    );
    await db.dataSource.query('RESET enable_seqscan');
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index Scan using "IDX_service_point_earth"/);
  });

  it('indexes the same point as ll_to_earth (earth_point only qualifies its names)', async () => {
    const [row]: { same: boolean }[] = await db.dataSource.query(
      `SELECT bool_and(earth_point(lat, lng)::text = ll_to_earth(lat, lng)::text) AS same FROM service_point`,
    );
    expect(row?.same).toBe(true);
  });
});
