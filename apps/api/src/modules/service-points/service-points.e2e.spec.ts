import { DataSource } from 'typeorm';
import {
  PLATE_PROBLEM_TYPES,
  problemSchema,
  servicePointDetailSchema,
  streetServicePointsSchema,
  type StreetServicePoints,
} from '@pho-so/shared/contracts';
import { haversineMetres, plateCodeFromSerial } from '@pho-so/shared/domain';
import { TEST_ENGINES } from '@pho-so/server/db/testing';
import { startTestApi, type TestApi } from '../../testing/test-api';

// Fixed instants, never the clock. Demo hours: Trần Hưng Đạo (12452) "Mo-Fr 07:30-11:30,13:30-17:00; Sa 07:30-11:30",
// Trần Lãm (12454) "Mo-Fr 07:30-11:30,13:30-17:00" (data/service-points.json).
const TUESDAY_0900 = '2025-03-04T09:00:00%2B07:00';
const TUESDAY_1200 = '2025-03-04T12:00:00%2B07:00';
const FRIDAY_1800 = '2025-03-07T18:00:00%2B07:00';
const TET_2025 = '2025-01-29T09:00:00%2B07:00'; // Mùng 1 Tết Ất Tỵ, a Wednesday; the break ran 25 Jan – 2 Feb 2025
const CLOSURE_DAY = '2025-03-11T09:00:00%2B07:00'; // a Tuesday, closed by the closure the tests add

const TRAN_HUNG_DAO_PLATE = { code: 'TB-7R8MR', lat: 20.447479, lng: 106.31797 }; // start of phố Trần Hưng Đạo (demo)

describe.each(TEST_ENGINES)('service points on %s', (engine) => {
  let api: TestApi;
  let db: DataSource;
  beforeAll(async () => {
    // Some tests edit rows between requests: the in-memory response cache (tested on its own) is off.
    api = await startTestApi(engine, { env: { RESPONSE_CACHE_SECONDS: '0' } });
    db = api.app.get(DataSource);
  }, 60_000);
  afterAll(() => api?.close());

  async function near(slug: string, query: string): Promise<StreetServicePoints> {
    const response = await api.get(`/api/v1/streets/${slug}/service-points?${query}`);
    expect(response.status).toBe(200);
    return streetServicePointsSchema.parse(await response.json());
  }
  const byWard = (body: StreetServicePoints, ward: string) => body.items.find((item) => item.ward?.code === ward);

  describe('GET /api/v1/streets/{slug}/service-points', () => {
    it("lists the street's own wards' centres first, home ward first, then the nearest others", async () => {
      // 220c runs through Trần Hưng Đạo (home) and Trà Lý (demo wards).
      const body = await near('220c', `at=${TUESDAY_0900}&limit=6`);
      expect(body.street).toEqual({ slug: '220c', name: expect.any(String) });
      expect(body.items.map((i) => [i.relation, i.ward?.code ?? null]).slice(0, 2)).toEqual([
        ['home_ward', '12452'],
        ['street_ward', '12817'],
      ]);
      const others = body.items.slice(2);
      expect(others).toHaveLength(4);
      for (const item of others) expect(item.relation).toBe('nearby');
      const distances = others.map((i) => i.distanceM);
      expect([...distances].sort((a, b) => a - b)).toEqual(distances);
      expect(others.map((i) => i.kind)).toContain('provincial_centre');
      const response = await api.get(`/api/v1/streets/220c/service-points?at=${TUESDAY_0900}`);
      expect(response.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=30');
    });

    it('measures from the street midpoint by default, with distances in metres and walking minutes by the stated model', async () => {
      const body = await near('tran-hung-dao', `at=${TUESDAY_0900}`);
      expect(body.origin).toMatchObject({ kind: 'street_midpoint', plateCode: null });
      // Half-way along the (demo) line, inside its bounding box.
      expect(body.origin.lat).toBeGreaterThan(20.447479);
      expect(body.origin.lat).toBeLessThan(20.451);
      expect(body.origin.lng).toBeGreaterThan(106.31797);
      expect(body.origin.lng).toBeLessThan(106.32069);
      expect(body.walkingModel).toMatchObject({ speedKmh: 4.5, detourFactor: 1.3 });
      expect(body.items).toHaveLength(5);
      for (const item of body.items) {
        // earth_distance (sphere of 6,378,168 m) against haversine (6,371,009 m): within 0.2 %.
        expect(Math.abs(item.distanceM - haversineMetres(body.origin, item.location))).toBeLessThan(item.distanceM * 0.002 + 1);
        const exact = (item.distanceM * 1.3) / 75;
        expect(item.walkingMinutes).toBeGreaterThanOrEqual(Math.floor(exact));
        expect(item.walkingMinutes).toBeLessThanOrEqual(Math.ceil(exact) + 1);
      }
    });

    it('measures from a plate given in any case and spacing, with directions links from it', async () => {
      const body = await near('tran-hung-dao', `from=tb%207r8mr&at=${TUESDAY_0900}&limit=1`);
      expect(body.origin).toEqual({ kind: 'plate', plateCode: TRAN_HUNG_DAO_PLATE.code, lat: TRAN_HUNG_DAO_PLATE.lat, lng: TRAN_HUNG_DAO_PLATE.lng });
      const [home] = body.items;
      expect(home).toMatchObject({ relation: 'home_ward', ward: { code: '12452', name: 'Phường Trần Hưng Đạo' }, location: { lat: 20.445, lng: 106.322 } });
      expect(home?.directions).toEqual({
        geoUri: 'geo:20.445,106.322',
        openStreetMap: 'https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=20.447479%2C106.31797%3B20.445%2C106.322',
      });
      // 20.447479,106.31797 → 20.445,106.322: about 503 m straight, 654 m walked, 8.7 → 9 minutes at 75 m/min.
      expect(home?.distanceM).toBeGreaterThan(480);
      expect(home?.distanceM).toBeLessThan(510);
      expect(home?.walkingMinutes).toBe(9);
      expect(home?.provenance.demo).toEqual(expect.arrayContaining(['name', 'address', 'point', 'openingHours']));
    });

    it('measures from an explicit point', async () => {
      const body = await near('tran-hung-dao', `from=20.456,106.339&at=${TUESDAY_0900}&limit=2`);
      expect(body.origin).toEqual({ kind: 'point', plateCode: null, lat: 20.456, lng: 106.339 });
      expect(body.items[0]?.relation).toBe('home_ward');
      // The Thái Bình ward centre stands on that very point.
      expect(body.items[1]).toMatchObject({ ward: { code: '13225' }, distanceM: 0, walkingMinutes: 0 });
    });

    it('says open on a Tuesday at 09:00, closing at 11:30, with the day’s hours', async () => {
      const home = byWard(await near('tran-hung-dao', `at=${TUESDAY_0900}`), '12452');
      expect(home).toMatchObject({
        openNow: true,
        closedReason: null,
        holiday: null,
        todayHours: [
          { from: '07:30', to: '11:30' },
          { from: '13:30', to: '17:00' },
        ],
        nextChange: { at: '2025-03-04T11:30:00+07:00', kind: 'closes', text: { vi: 'Đóng cửa lúc 11:30', en: 'closes 11:30' } },
        closuresInForce: [],
      });
    });

    it('says closed over lunch, opening at 13:30', async () => {
      const body = await near('tran-hung-dao', `at=${TUESDAY_1200}`);
      expect(body.at).toBe('2025-03-04T12:00:00+07:00');
      expect(byWard(body, '12452')).toMatchObject({
        openNow: false,
        closedReason: 'outside_hours',
        nextChange: { at: '2025-03-04T13:30:00+07:00', kind: 'opens', text: { vi: 'Mở cửa lúc 13:30', en: 'opens 13:30' } },
      });
    });

    it('on a Friday evening, opens on Saturday where Saturday mornings are worked, else on Monday', async () => {
      const body = await near('tran-hung-dao', `at=${FRIDAY_1800}&limit=6`);
      expect(byWard(body, '12452')).toMatchObject({
        openNow: false,
        nextChange: { at: '2025-03-08T07:30:00+07:00', kind: 'opens', text: { vi: 'Mở cửa Thứ Bảy 07:30', en: 'opens Sat 07:30' } },
      });
      expect(byWard(body, '12454')).toMatchObject({
        openNow: false,
        nextChange: { at: '2025-03-10T07:30:00+07:00', kind: 'opens', text: { vi: 'Mở cửa Thứ Hai 07:30', en: 'opens Mon 07:30' } },
      });
    });

    it('says closed for Tết 2025, naming the holiday, and opening on Monday 3 February', async () => {
      const home = byWard(await near('tran-hung-dao', `at=${TET_2025}`), '12452');
      expect(home).toMatchObject({
        openNow: false,
        closedReason: 'holiday',
        todayHours: [],
        nextChange: { at: '2025-02-03T07:30:00+07:00', kind: 'opens', text: { en: 'opens Mon 07:30' } },
      });
      expect(home?.holiday?.name).toMatch(/Tết/);
    });

    it('says closed on a day an official closed the centre, with the closure in force', async () => {
      const id = byWard(await near('tran-hung-dao', `at=${TUESDAY_0900}`), '12452')?.id;
      await db.query(`INSERT INTO service_point_closure (service_point_id, starts_on, ends_on, reason) VALUES ($1, '2025-03-11', '2025-03-12', 'Sửa chữa trụ sở')`, [id]);
      try {
        const home = byWard(await near('tran-hung-dao', `at=${CLOSURE_DAY}`), '12452');
        expect(home).toMatchObject({
          openNow: false,
          closedReason: 'closure',
          closuresInForce: [{ from: '2025-03-11', to: '2025-03-12', reason: 'Sửa chữa trụ sở' }],
          nextChange: { at: '2025-03-13T07:30:00+07:00', kind: 'opens' },
          todayHours: [],
        });
        const detail = servicePointDetailSchema.parse(await (await api.get(`/api/v1/service-points/${id}?at=${TUESDAY_0900}`)).json());
        expect(detail.closures).toEqual([{ from: '2025-03-11', to: '2025-03-12', reason: 'Sửa chữa trụ sở' }]);
        expect(detail.daysOff.filter((d) => d.kind === 'closure').map((d) => d.date)).toEqual(['2025-03-11', '2025-03-12']);
      } finally {
        await db.query(`DELETE FROM service_point_closure WHERE service_point_id = $1`, [id]);
      }
    });

    it('reads an unencoded + in `at` (a space once decoded) as the offset', async () => {
      const body = await near('tran-hung-dao', 'at=2025-03-04T09:00:00+07:00&limit=1');
      expect(body.at).toBe('2025-03-04T09:00:00+07:00');
    });

    it('answers an unknown plate with 404 and an unknown street with 404, as problem+json', async () => {
      const unknownPlate = plateCodeFromSerial('TB', 0);
      const plate = await api.get(`/api/v1/streets/tran-hung-dao/service-points?from=${unknownPlate}`);
      expect(plate.status).toBe(404);
      expect(plate.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(problemSchema.parse(await plate.json()).type).toBe(PLATE_PROBLEM_TYPES.notFound);
      const street = await api.get('/api/v1/streets/khong-co-pho-nay/service-points');
      expect(street.status).toBe(404);
      expect(problemSchema.parse(await street.json()).type).toBe('/api/problems/street-not-found');
    });

    it('answers bad parameters with 400 problem+json naming the parameter', async () => {
      for (const [query, field] of [
        ['from=TB-7R8MX', 'from'], // wrong check character
        ['from=hello%21', 'from'],
        ['from=91,106', 'from'],
        ['from=20.4,181', 'from'],
        ['from=', 'from'],
        ['at=tomorrow', 'at'],
        ['at=2025-02-30T09:00:00%2B07:00', 'at'],
        ['at=2025-03-04T09:00:00', 'at'], // no offset: ambiguous
        ['at=2019-12-31T09:00:00%2B07:00', 'at'], // before the years with holiday data
        ['at=2036-01-01T09:00:00%2B07:00', 'at'],
        ['limit=0', 'limit'],
        ['limit=21', 'limit'],
      ] as const) {
        const response = await api.get(`/api/v1/streets/tran-hung-dao/service-points?${query}`);
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect({ query, fields: problemSchema.parse(await response.json()).errors?.map((e) => e.field) }).toEqual({ query, fields: [field] });
      }
      const slug = await api.get('/api/v1/streets/Tran%20Hung%20Dao/service-points');
      expect(slug.status).toBe(400);
      expect(problemSchema.parse(await slug.json()).errors?.map((e) => e.field)).toEqual(['slug']);
    });
  });

  describe('GET /api/v1/service-points/{id}', () => {
    async function homeCentreId(): Promise<string> {
      const id = byWard(await near('tran-hung-dao', `at=${TUESDAY_0900}&limit=1`), '12452')?.id;
      if (!id) throw new Error('no home centre');
      return id;
    }

    it('gives weekly hours, the state at `at`, contacts, and labels the demo values', async () => {
      const id = await homeCentreId();
      const response = await api.get(`/api/v1/service-points/${id}?at=${TUESDAY_1200}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=30');
      const body = servicePointDetailSchema.parse(await response.json());
      const day = [
        { from: '07:30', to: '11:30' },
        { from: '13:30', to: '17:00' },
      ];
      expect(body).toMatchObject({
        id,
        kind: 'ward_centre',
        ward: { code: '12452', name: 'Phường Trần Hưng Đạo' },
        openingHours: 'Mo-Fr 07:30-11:30,13:30-17:00; Sa 07:30-11:30',
        weeklyHours: { Mo: day, Tu: day, We: day, Th: day, Fr: day, Sa: [{ from: '07:30', to: '11:30' }], Su: [] },
        openNow: false,
        nextChange: { kind: 'opens', text: { en: 'opens 13:30' } },
        phone: null,
        email: null,
        proceduresNotAccepted: [],
        lastConfirmed: { at: null, by: null },
        directions: { geoUri: 'geo:20.445,106.322' },
        provenance: { source: 'demo' },
      });
      expect(body.address).toMatch(/demo/);
      expect(body.provenance.demo).toEqual(expect.arrayContaining(['name', 'address', 'point', 'phone', 'email', 'openingHours']));
    });

    it('lists public holidays of the next 30 days: Tết 2025 from 20 January, Giỗ Tổ Hùng Vương from 20 March', async () => {
      const id = await homeCentreId();
      const january = servicePointDetailSchema.parse(await (await api.get(`/api/v1/service-points/${id}?at=2025-01-20T09:00:00%2B07:00`)).json());
      const tet = january.daysOff.map((d) => d.date);
      for (const date of ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']) expect(tet).toContain(date);
      expect(tet.every((date) => date >= '2025-01-20' && date <= '2025-02-18')).toBe(true);

      const march = servicePointDetailSchema.parse(await (await api.get(`/api/v1/service-points/${id}?at=2025-03-20T09:00:00%2B07:00`)).json());
      const hungKings = march.daysOff.find((d) => d.date === '2025-04-07');
      expect(hungKings).toMatchObject({ kind: 'holiday' });
    });

    it('names the procedures the point does not take, and who last confirmed it by display name only', async () => {
      const id = await homeCentreId();
      const [{ id: officialId }] = await db.query(
        `INSERT INTO official (email, display_name, role, password_hash, password_changed_at)
         VALUES ('can.bo@example.test', 'Cán bộ Một cửa', 'ward_editor', 'x', now()) RETURNING id`,
      );
      await db.query(
        `UPDATE service_point SET procedures_not_accepted = '["1.001193", "9.999999"]', last_confirmed_at = '2025-02-14T03:00:00Z', last_confirmed_by = $2 WHERE id = $1`,
        [id, officialId],
      );
      try {
        const response = await api.get(`/api/v1/service-points/${id}?at=${TUESDAY_0900}`);
        const text = await response.text();
        expect(text).not.toContain('can.bo@example.test');
        const body = servicePointDetailSchema.parse(JSON.parse(text));
        expect(body.proceduresNotAccepted).toEqual([
          { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
          { code: '9.999999', name: null },
        ]);
        expect(body.lastConfirmed).toEqual({ at: '2025-02-14T03:00:00.000Z', by: 'Cán bộ Một cửa' });
      } finally {
        await db.query(`UPDATE service_point SET procedures_not_accepted = '[]', last_confirmed_at = NULL, last_confirmed_by = NULL WHERE id = $1`, [id]);
        await db.query(`DELETE FROM official WHERE id = $1`, [officialId]);
      }
    });

    it('answers hours that cannot be read with openNow null rather than an error', async () => {
      const id = await homeCentreId();
      await db.query(`UPDATE service_point SET opening_hours = 'Thứ Hai đến Thứ Sáu' WHERE id = $1`, [id]);
      try {
        const detail = servicePointDetailSchema.parse(await (await api.get(`/api/v1/service-points/${id}?at=${TUESDAY_0900}`)).json());
        expect(detail).toMatchObject({ openNow: null, weeklyHours: null, nextChange: null, openingHours: 'Thứ Hai đến Thứ Sáu' });
        expect(byWard(await near('tran-hung-dao', `at=${TUESDAY_0900}`), '12452')?.openNow).toBeNull();
      } finally {
        await db.query(`UPDATE service_point SET opening_hours = 'Mo-Fr 07:30-11:30,13:30-17:00; Sa 07:30-11:30' WHERE id = $1`, [id]);
      }
    });

    it('answers a malformed id with 400 naming "id", and an unknown one with 404', async () => {
      for (const bad of ['abc', '12345678-1234-1234-1234-12345678901g', '1']) {
        const response = await api.get(`/api/v1/service-points/${bad}`);
        expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
        expect(problemSchema.parse(await response.json()).errors?.map((e) => e.field)).toEqual(['id']);
      }
      const atBad = await api.get(`/api/v1/service-points/${await homeCentreId()}?at=noon`);
      expect(atBad.status).toBe(400);
      expect(problemSchema.parse(await atBad.json()).errors?.map((e) => e.field)).toEqual(['at']);
      const unknown = await api.get('/api/v1/service-points/00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
      expect(problemSchema.parse(await unknown.json()).type).toBe('/api/problems/service-point-not-found');
    });
  });
});
