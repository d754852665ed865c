import type { DataSource } from 'typeorm';
import { ImportRejected } from '@pho-so/server/dataset';
import { createMigratedDataSource, TEST_ENGINES } from '@pho-so/server/db/testing';
import { ImportService } from './import-service';
import { fixture, sharedData } from './testing/paths';

const TABLES = ['administrative_unit', 'procedure', 'procedure_channel', 'service_point', 'service_point_closure', 'street', 'street_ward'];

/** Row count and a checksum of every row's full text (timestamps and versions included) per table. */
async function snapshot(dataSource: DataSource): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS sum FROM "${table}" t`);
    result[table] = `${row.n}:${row.sum}`;
  }
  return result;
}

const counts = (kind: string, created: number, updated: number, unchanged: number) => ({ kind, created, updated, unchanged, rejected: 0 });

async function rejection(work: Promise<unknown>): Promise<ImportRejected> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ImportRejected) return error;
    throw error;
  }
  throw new Error('expected an ImportRejected');
}

describe.each(TEST_ENGINES)('import service on %s', (engine) => {
  let db: Awaited<ReturnType<typeof createMigratedDataSource>>;
  let service: ImportService;

  beforeAll(async () => {
    db = await createMigratedDataSource(engine);
    service = new ImportService(db.dataSource);
  }, 60_000);
  afterAll(() => db?.dispose());

  it('imports the 3,321 communes of the GSO list in full, and finds them all unchanged the second time', async () => {
    const path = sharedData('vn_communes_2025.csv');
    const options = { validFrom: '2025-07-01', source: 'dvhcvn/20250701 @ dd94887c', licence: 'MIT' };
    expect(await service.importFile('admin-units', path, options)).toEqual(counts('admin-units', 3321, 0, 0));
    expect(await service.importFile('admin-units', path, options)).toEqual(counts('admin-units', 0, 0, 3321));
    const [ward] = await db.dataSource.query(`SELECT name, level, province_code, parent_name, valid_from::text, valid_to FROM administrative_unit WHERE code = '13225'`);
    expect(ward).toEqual({ name: 'Phường Thái Bình', level: 'commune', province_code: '33', parent_name: 'Tỉnh Hưng Yên', valid_from: '2025-07-01', valid_to: null });
  }, 180_000);

  it('imports the provinces list beside the communes, and reports a changed source as updates', async () => {
    expect(await service.importFile('admin-units', sharedData('vn_provinces_2025.csv'), { licence: 'MIT' })).toEqual(counts('admin-units', 34, 0, 0));
    expect(await service.importFile('admin-units', fixture('hung-yen-city-wards.csv'), { source: 'dvhcvn/20250701 @ dd94887c, CV 1027', licence: 'MIT' })).toEqual(
      counts('admin-units', 0, 5, 0),
    );
  });

  it('imports the 202 procedures of the portal crawl in full, and finds them all unchanged the second time', async () => {
    const path = sharedData('commune_procedures_core_detail.json');
    expect(await service.importFile('procedures', path)).toEqual(counts('procedures', 202, 0, 0));
    expect(await service.importFile('procedures', path)).toEqual(counts('procedures', 0, 0, 202));
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM procedure_channel WHERE time_unit IS NULL AND time_value IS NOT NULL`);
    expect(n).toBeGreaterThan(0); // bare numbers such as khai sinh's "1" keep their value and no unit
  }, 120_000);

  it('rejects an admin-units file whose line 3 has a 7-digit code, and writes nothing of it', async () => {
    const before = await snapshot(db.dataSource);
    const error = await rejection(service.importFile('admin-units', fixture('admin-units-one-bad-row.csv'), { validFrom: '2026-01-01' }, 'admin-units-one-bad-row.csv'));
    expect([error.file, error.line, error.field]).toEqual(['admin-units-one-bad-row.csv', 3, 'commune_code']);
    expect(await snapshot(db.dataSource)).toEqual(before);
  });

  it('refuses a second current version of units already current from another date', async () => {
    const before = await snapshot(db.dataSource);
    const error = await rejection(service.importFile('admin-units', fixture('hung-yen-city-wards.csv'), { validFrom: '2026-01-01' }, 'wards.csv'));
    expect(error.message).toMatch(/^wards\.csv:2:commune_code: unit 12452 is already current \(valid from 2025-07-01\)/);
    expect(await snapshot(db.dataSource)).toEqual(before);
  });

  it('imports service points into the wards imported above, then finds them unchanged', async () => {
    expect(await service.importFile('service-points', fixture('service-points.csv'))).toEqual(counts('service-points', 3, 0, 0));
    expect(await service.importFile('service-points', fixture('service-points.csv'))).toEqual(counts('service-points', 0, 0, 3));
    const [point] = await db.dataSource.query(
      `SELECT sp.name, sp.lat, sp.lng, u.code AS ward_code, sp.procedures_not_accepted FROM service_point sp JOIN administrative_unit u ON u.id = sp.ward_id WHERE sp.key = 'ttphcc-12452'`,
    );
    expect(point).toEqual({
      name: 'Trung tâm Phục vụ hành chính công phường Trần Hưng Đạo',
      lat: 20.4502,
      lng: 106.3345,
      ward_code: '12452',
      procedures_not_accepted: ['1.001193', '2.000815'],
    });
  });

  it('rolls back a service-point file whose second row names an unknown ward: its valid first row is not written either', async () => {
    const before = await snapshot(db.dataSource);
    const error = await rejection(service.importFile('service-points', fixture('service-points-unknown-ward.csv'), {}, 'service-points-unknown-ward.csv'));
    expect(error.message).toBe('service-points-unknown-ward.csv:3:ward_code: no current ward with GSO code 99999');
    expect(await snapshot(db.dataSource)).toEqual(before);
    expect(await db.dataSource.query(`SELECT key FROM service_point WHERE key = 'ttphcc-12454'`)).toEqual([]);
  });

  it('imports OSM streets with their wards, then finds them unchanged', async () => {
    const path = fixture('streets.geojson');
    expect(await service.importFile('streets', path, { wardCodes: ['13225'] })).toEqual(counts('streets', 3, 0, 0));
    expect(await service.importFile('streets', path, { wardCodes: ['13225'] })).toEqual(counts('streets', 0, 0, 3));
    const wards = await db.dataSource.query(
      `SELECT u.code FROM street s JOIN street_ward w ON w.street_id = s.id JOIN administrative_unit u ON u.id = w.ward_id WHERE s.slug = 'tran-hung-dao' ORDER BY w.ordinal`,
    );
    expect(wards.map((w: { code: string }) => w.code)).toEqual(['12452', '13225']);
    // The same file with another --ward moves the streets that follow it, and only those.
    expect(await service.importFile('streets', path, { wardCodes: ['12454'] })).toEqual(counts('streets', 0, 2, 1));
  });

  it('rolls back a streets file whose second street names an unknown ward', async () => {
    const before = await snapshot(db.dataSource);
    const error = await rejection(service.importFile('streets', fixture('streets-unknown-ward.geojson'), { wardCodes: ['13225'] }, 'streets.geojson'));
    expect(error.message).toBe('streets.geojson:9:properties.pho_so:ward_codes: no current ward with GSO code 99999');
    expect(await snapshot(db.dataSource)).toEqual(before);
  });
});
