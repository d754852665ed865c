import { join } from 'node:path';
import { servicePointRecordSchema } from '@pho-so/shared/contracts';
import { createMigratedDataSource, TEST_ENGINES } from '@pho-so/server/db/testing';
import { DatasetImporter } from './dataset-importer';
import { DEMO_CITY_FILES, loadDemoCity, readDatasetFile } from './demo-city';
import { ImportRejected } from './import-summary';

const dataDir = join(__dirname, '../../../../data');

describe.each(TEST_ENGINES)('DatasetImporter on %s', (engine) => {
  let db: Awaited<ReturnType<typeof createMigratedDataSource>>;
  beforeAll(async () => {
    db = await createMigratedDataSource(engine);
    await db.dataSource.transaction((manager) => loadDemoCity(manager, dataDir));
  }, 60_000);
  afterAll(() => db?.dispose());

  const firstServicePoint = () => {
    const [item] = readDatasetFile(join(dataDir, DEMO_CITY_FILES.servicePoints), servicePointRecordSchema);
    if (!item) throw new Error('no service point in the demo data');
    return item;
  };

  it('leaves closures alone when a record carries none, and replaces them when it does', async () => {
    const item = firstServicePoint();
    const [point] = await db.dataSource.query(`SELECT id FROM service_point WHERE key = $1`, [item.record.key]);
    await db.dataSource.query(`INSERT INTO service_point_closure (service_point_id, starts_on, ends_on, reason) VALUES ($1, '2026-12-24', '2026-12-26', 'Sửa chữa')`, [point.id]);
    const closures = async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM service_point_closure WHERE service_point_id = $1`, [point.id]))[0].n;

    const { closures: _omitted, ...withoutClosures } = item.record;
    const kept = await db.dataSource.transaction((m) => new DatasetImporter(m).servicePoints([{ ...item, record: withoutClosures }]));
    expect(kept).toMatchObject({ unchanged: 1, updated: 0 });
    expect(await closures()).toBe(1);

    const replaced = await db.dataSource.transaction((m) => new DatasetImporter(m).servicePoints([{ ...item, record: { ...item.record, closures: [] } }]));
    expect(replaced).toMatchObject({ updated: 1 });
    expect(await closures()).toBe(0);
  });

  it('rejects a reference to an unknown ward with file, line and field, writing nothing', async () => {
    const item = firstServicePoint();
    const before = await db.dataSource.query(`SELECT name FROM service_point WHERE key = $1`, [item.record.key]);
    const renamed = { ...item, record: { ...item.record, name: 'Changed before the bad record' } };
    const bad = { record: { ...item.record, key: 'ttphcc-nowhere', wardCode: '99999' }, at: { file: 'points.json', line: 42 } };
    await expect(db.dataSource.transaction((m) => new DatasetImporter(m).servicePoints([renamed, bad]))).rejects.toThrow(
      new ImportRejected('points.json', 42, 'wardCode', 'no current ward with GSO code 99999'),
    );
    expect(await db.dataSource.query(`SELECT name FROM service_point WHERE key = $1`, [item.record.key])).toEqual(before);
    expect(await db.dataSource.query(`SELECT 1 FROM service_point WHERE key = 'ttphcc-nowhere'`)).toEqual([]);
  });
});
