import { readFileSync } from 'node:fs';
import type { EntityManager } from 'typeorm';
import { SeededRandom } from './prng';
import { haversineM, pointNear, PROVINCE_CENTRES, type LatLng } from './vietnam';

/** One synthetic service point per real commune (code and name from the GSO list). */
export interface SyntheticServicePoint {
  key: string;
  name: string;
  point: LatLng;
}

export interface SyntheticStreet {
  slug: string;
  name: string;
  coordinates: [number, number][];
  lengthM: number;
}

const PROVENANCE = (what: string, seed: number) =>
  JSON.stringify({
    source: `synthetic: tools/bench (seed ${seed})`,
    licence: 'demo',
    demo: ['*'],
    note: `Benchmark-only ${what}: generated coordinates spread over Vietnam's land area; not real places.`,
  });

/** Reads the 3,321 communes (code, name, province) of ../shared/data/vn_communes_2025.csv. */
export function readCommunes(csvPath: string): { code: string; name: string; provinceCode: string }[] {
  const [header, ...lines] = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  const at = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`${csvPath}: no column ${name}`);
    return index;
  };
  const [code, name, province] = [at('commune_code'), at('commune_name'), at('province_code')];
  return lines.map((line) => {
    const cells = line.split(',');
    return { code: cells[code] as string, name: cells[name] as string, provinceCode: cells[province] as string };
  });
}

/**
 * Service points placed around their province's centre (sigma 0.35°, about 40 km), kept on land.
 * Deterministic for a given seed.
 */
export function syntheticServicePoints(communes: ReturnType<typeof readCommunes>, seed: number): SyntheticServicePoint[] {
  const random = new SeededRandom(seed);
  return communes.map((commune) => {
    const centre = PROVINCE_CENTRES[commune.provinceCode];
    if (!centre) throw new Error(`no centre for province ${commune.provinceCode}`);
    return {
      key: `bench-${commune.code}`,
      name: `Trung tâm Phục vụ hành chính công ${commune.name} (synthetic)`,
      point: pointNear(random, { lat: centre[0], lng: centre[1] }, 0.35),
    };
  });
}

/**
 * Streets near a random commune's point (sigma 0.03°, about 3 km), 80 m to 3 km long (log-uniform),
 * 2–5 vertices with a wandering bearing. Deterministic for a given seed.
 */
export function* syntheticStreets(points: readonly SyntheticServicePoint[], count: number, seed: number): Generator<SyntheticStreet> {
  const random = new SeededRandom(seed);
  for (let i = 0; i < count; i++) {
    const anchor = points[random.int(points.length)] as SyntheticServicePoint;
    const start = pointNear(random, anchor.point, 0.03);
    const totalM = Math.exp(random.between(Math.log(80), Math.log(3000)));
    const vertices = 2 + random.int(4);
    let bearing = random.between(0, 2 * Math.PI);
    const coordinates: [number, number][] = [[start.lng, start.lat]];
    let current = start;
    for (let v = 1; v < vertices; v++) {
      const stepM = totalM / (vertices - 1);
      bearing += random.between(-0.35, 0.35);
      const lat = current.lat + (stepM * Math.cos(bearing)) / 111_320;
      const lng = current.lng + (stepM * Math.sin(bearing)) / (111_320 * Math.cos((current.lat * Math.PI) / 180));
      current = { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
      coordinates.push([current.lng, current.lat]);
    }
    let lengthM = 0;
    for (let c = 1; c < coordinates.length; c++) {
      const [aLng, aLat] = coordinates[c - 1] as [number, number];
      const [bLng, bLat] = coordinates[c] as [number, number];
      lengthM += haversineM({ lat: aLat, lng: aLng }, { lat: bLat, lng: bLng });
    }
    const serial = String(i + 1).padStart(6, '0');
    yield { slug: `bench-street-${serial}`, name: `Phố thử nghiệm ${serial}`, coordinates, lengthM: Math.round(lengthM) };
  }
}

export async function insertServicePoints(manager: EntityManager, points: readonly SyntheticServicePoint[], seed: number): Promise<void> {
  for (let offset = 0; offset < points.length; offset += 2000) {
    const batch = points.slice(offset, offset + 2000);
    await manager.query(
      `INSERT INTO service_point (key, kind, name, address, lat, lng, opening_hours, provenance)
       SELECT k, 'ward_centre', n, 'Địa chỉ mẫu (synthetic, benchmark only)', la, ln, 'Mo-Fr 07:30-11:30,13:30-17:00; Sa 07:30-11:30', $5::jsonb
         FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[]) AS t(k, n, la, ln)`,
      [batch.map((p) => p.key), batch.map((p) => p.name), batch.map((p) => p.point.lat), batch.map((p) => p.point.lng), PROVENANCE('service point', seed)],
    );
  }
}

/** Multi-row inserts through unnest(), `batchSize` streets per statement; returns the number inserted. */
export async function insertStreets(
  manager: EntityManager,
  streets: Iterable<SyntheticStreet>,
  seed: number,
  batchSize = 5000,
): Promise<number> {
  let inserted = 0;
  let batch: SyntheticStreet[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const first = (s: SyntheticStreet) => s.coordinates[0] as [number, number];
    const last = (s: SyntheticStreet) => s.coordinates[s.coordinates.length - 1] as [number, number];
    await manager.query(
      `INSERT INTO street (slug, name, kind, start_description, start_lat, start_lng, end_description, end_lat, end_lng, length_m, geometry, provenance)
       SELECT s, n, 'named_street', 'Đầu phố (synthetic)', sla, sln, 'Cuối phố (synthetic)', ela, eln, len, g::jsonb, $9::jsonb
         FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::int[], $8::text[])
           AS t(s, n, sla, sln, ela, eln, len, g)`,
      [
        batch.map((s) => s.slug),
        batch.map((s) => s.name),
        batch.map((s) => first(s)[1]),
        batch.map((s) => first(s)[0]),
        batch.map((s) => last(s)[1]),
        batch.map((s) => last(s)[0]),
        batch.map((s) => s.lengthM),
        batch.map((s) => JSON.stringify({ type: 'LineString', coordinates: s.coordinates })),
        PROVENANCE('street', seed),
      ],
    );
    inserted += batch.length;
    batch = [];
  };
  for (const street of streets) {
    batch.push(street);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return inserted;
}
