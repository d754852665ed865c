/**
 * Builds the project's own demo dataset in data/ from the public reference data in ../shared/data.
 *
 *   node tools/build/compile-node.mjs && node dist/node/tools/demo-data/build-demo-data.js [--plate-prefix TB]
 *
 * Each city's plates carry its own code prefix (2–4 letters of the plate alphabet): TB for the old
 * Thái Bình city by default; another city's dataset is built with its own `--plate-prefix`.
 *
 * Facts (codes, names, mappings, procedure texts, namesake descriptions) are copied from the sources and
 * cited in each record's provenance. Values that no public source gives (which ward a street lies in, its
 * ends, shape and length; plates; service-centre addresses, points and hours) are invented here for the
 * demo city and listed in `provenance.demo`, so pages can label them as sample data.
 *
 * The output is deterministic: no clock, no Math.random; variation comes from a PRNG seeded by a hash of
 * each street's slug, so the same inputs give the same bytes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import {
  adminSuccessionRecordSchema,
  adminUnitRecordSchema,
  datasetFileSchema,
  demoProvenance,
  plateRecordSchema,
  procedureRecordSchema,
  servicePointRecordSchema,
  streetRecordSchema,
  type LatLng,
  type Provenance,
} from '@pho-so/shared/contracts';
import { haversineMetres, isValidPlatePrefix, parseProcessingTime, PLATE_ALPHABET, plateCodeFromSerial, slugify } from '@pho-so/shared/domain';

type AdminUnitInput = z.input<typeof adminUnitRecordSchema>;
type AdminSuccessionInput = z.input<typeof adminSuccessionRecordSchema>;
type StreetInput = z.input<typeof streetRecordSchema>;
type PlateInput = z.input<typeof plateRecordSchema>;
type ProcedureInput = z.input<typeof procedureRecordSchema>;
type ServicePointInput = z.input<typeof servicePointRecordSchema>;

// ---------------------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------------------

export const REFORM_DAY = '2025-07-01';
export const LAST_DAY_BEFORE_REFORM = '2025-06-30';
export const PROVINCE_CODE = '33';
/** The Thái Bình province code before the merger, as hung_yen_2025_communes.json and the CSV give it. */
export const OLD_THAI_BINH_PROVINCE_CODE = '34';

/** The five post-reform wards that cover the old Thái Bình city, with made-up demo centres a few km apart. */
export const CITY_WARDS: readonly { code: string; centre: LatLng }[] = [
  { code: '13225', centre: { lat: 20.456, lng: 106.339 } }, // Phường Thái Bình (north, centre)
  { code: '12454', centre: { lat: 20.43, lng: 106.352 } }, // Phường Trần Lãm (south-east)
  { code: '12452', centre: { lat: 20.445, lng: 106.322 } }, // Phường Trần Hưng Đạo (west)
  { code: '12817', centre: { lat: 20.459, lng: 106.362 } }, // Phường Trà Lý (north-east)
  { code: '12466', centre: { lat: 20.427, lng: 106.32 } }, // Phường Vũ Phúc (south-west)
];
/** Half-size of the demo box around a ward centre, in degrees (about 670 m × 730 m). */
const BOX_HALF_LAT = 0.006;
const BOX_HALF_LNG = 0.007;
const PROVINCIAL_CENTRE_DEMO_POINT: LatLng = { lat: 20.4505, lng: 106.3445 };

const SHARE_OF_STREETS_IN_TWO_WARDS = 0.15;
/** The old Thái Bình city's plate prefix (a city's own, chosen when its dataset is built). */
export const DEFAULT_PLATE_PREFIX = 'TB';
const PLATE_SERIAL_OFFSET = 1000;
const PLATE_SERIAL_STEP = 7919; // prime, so coprime with 31^4: serials never repeat below 31^4 plates
const PLATE_SERIAL_SPACE = 31 ** 4;

const DVHCVN_SOURCE = 'dvhcvn/20250701 @ dd94887c (GSO codes after the 1 July 2025 reform, CV 915 and CV 1027/CTK-CSCL)';
const DVHCVN_ATTRIBUTION = 'Copyright (c) 2025 dvhcvn';
const DISTRICT_NAMES_NOTE =
  'Old district names (parentName) come from daohoangson/dvhcvn, licensed GPL-3.0; codes and unit names are MIT.';
const STREETS_ATTRIBUTION = 'Copyright (c) 2019 Thien Tran';
const WIKIPEDIA_LICENCE = 'CC BY-SA 4.0';
const WIKIPEDIA_ATTRIBUTION = 'Wikipedia contributors, vi.wikipedia.org, CC BY-SA 4.0';
const PORTAL_SOURCE = 'dichvucong.gov.vn via chatbot-tthc/chatbot_tthc @ 53229487 (2026 crawl)';
const PORTAL_LICENCE = 'public government information';
const PORTAL_ATTRIBUTION = 'Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)';

/**
 * Procedures of the crawl left out of the demo dataset, each with the reason. They are records of the
 * national portal that name another province or that are not procedures at all.
 */
export const EXCLUDED_PROCEDURES: Readonly<Record<string, string>> = {
  '2.001428': 'the "name" is the title of a Hà Tĩnh decision (1404/QĐ-UBND) publishing a list, not a procedure',
  '3.000226': 'the "name" is the title of a Hà Tĩnh decision (1404/QĐ-UBND) publishing a list, not a procedure',
  '3.000243': 'the "name" is the title of a Hà Tĩnh decision (1404/QĐ-UBND) publishing a list, not a procedure',
  '3.000244': 'the "name" is the title of a Hà Tĩnh decision (1404/QĐ-UBND) publishing a list, not a procedure',
  '3.000246': 'the "name" is the title of a Hà Tĩnh decision (1404/QĐ-UBND) publishing a list, not a procedure',
  '3.000283': 'the "name" is the title of a Hà Tĩnh decision (1404/QĐ-UBND) publishing a list, not a procedure',
  '3.000331': 'the "name" is the title of a Hà Tĩnh decision (1404/QĐ-UBND) publishing a list, not a procedure',
  '2.002516': 'the implementing agency is the Hà Nội Department of Justice (Sở Tư pháp Thành phố Hà Nội)',
  '3.000494': 'the implementing agency is the Hồ Chí Minh City fire police (Phòng Cảnh sát PCCC và CNCH TP HCM)',
};

// ---------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------

/** The repository root: the nearest ancestor of `from` that holds nx.json (works from src and from dist). */
export function findRepoRoot(from: string): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'nx.json')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no repository root (nx.json) above ${from}`);
    dir = parent;
  }
}

/** NFC, no-break spaces as plain spaces, Unix line ends, trimmed. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\u00a0/g, ' ').replace(/\r\n?/g, '\n').trim();
}

type CsvRow = Record<string, string>;

function readCsv(file: string): CsvRow[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as CsvRow[];
}

function col(row: CsvRow, name: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`CSV row has no column "${name}": ${JSON.stringify(row)}`);
  return cleanText(value);
}

function fail(message: string): never {
  throw new Error(message);
}

/** 32-bit FNV-1a over the UTF-8 bytes of a string. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const metresToLat = (m: number) => m / 111_320;
const toRad = (deg: number) => (deg * Math.PI) / 180;
const metresToLng = (m: number, lat: number) => m / (111_320 * Math.cos(toRad(lat)));

function pick<T>(items: readonly T[], rnd: () => number): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(rnd() * items.length)] as T;
}

function writeDataFile(root: string, name: string, content: unknown): void {
  const file = join(root, 'data', name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, 'utf8');
}

// ---------------------------------------------------------------------------------------------------------
// Source data
// ---------------------------------------------------------------------------------------------------------

const hungYenSchema = z.object({
  province_code: z.string(),
  province_name: z.string(),
  effective_date: z.string(),
  communes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit_type: z.string(),
      merged_from: z.array(
        z.object({
          old_code: z.string(),
          old_name: z.string(),
          old_province_code: z.string(),
          old_district_name: z.string(),
          merge_type: z.string(),
        }),
      ),
    }),
  ),
});
type HungYen = z.infer<typeof hungYenSchema>;

const procedureSourceSchema = z.object({
  procedure_code: z.string(),
  name: z.string(),
  field: z.string(),
  levels: z.string(),
  citizen_core_field: z.string(),
  implementing_agency: z.string(),
  detail_url: z.string(),
  submission_methods: z.array(z.object({ channel: z.string(), time: z.string(), fee: z.string(), note: z.string() })),
  results: z.array(z.object({ name: z.string() })),
  steps: z.string(),
  dossier: z.string(),
  requirements: z.string(),
  legal_basis: z.string(),
});
const procedureFileSchema = z.object({
  source: z.string(),
  commit: z.string(),
  crawled_at: z.string().optional(),
  procedures: z.array(procedureSourceSchema),
});
type ProcedureSource = z.infer<typeof procedureSourceSchema>;

interface Sources {
  hungYen: HungYen;
  wardLinks: CsvRow[];
  streets: CsvRow[];
  namesakes: CsvRow[];
  procedures: z.infer<typeof procedureFileSchema>;
  proceduresCsv: CsvRow[];
  communesCsv: CsvRow[];
}

function readSources(sharedData: string): Sources {
  const json = (name: string): unknown => JSON.parse(readFileSync(join(sharedData, name), 'utf8'));
  return {
    hungYen: hungYenSchema.parse(json('hung_yen_2025_communes.json')),
    wardLinks: readCsv(join(sharedData, 'thai_binh_city_wards_old_to_new.csv')),
    streets: readCsv(join(sharedData, 'thai_binh_city_streets.csv')),
    namesakes: readCsv(join(sharedData, 'thai_binh_street_namesakes_vi_wikipedia.csv')),
    procedures: procedureFileSchema.parse(json('commune_procedures_core_detail.json')),
    proceduresCsv: readCsv(join(sharedData, 'commune_procedures_dvcqg.csv')),
    communesCsv: readCsv(join(sharedData, 'vn_communes_2025.csv')),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Administrative units and successions
// ---------------------------------------------------------------------------------------------------------

function unitTypeFromName(name: string): string {
  for (const type of ['Phường', 'Xã', 'Thị trấn', 'Đặc khu']) if (name.startsWith(`${type} `)) return type;
  return fail(`cannot tell the unit type of "${name}"`);
}

export function buildAdminUnits(src: Sources): AdminUnitInput[] {
  const { hungYen } = src;
  if (hungYen.province_code !== PROVINCE_CODE) fail(`unexpected province code ${hungYen.province_code}`);
  if (hungYen.effective_date !== REFORM_DAY) fail(`unexpected effective date ${hungYen.effective_date}`);
  if (hungYen.communes.length !== 104) fail(`expected 104 communes, found ${hungYen.communes.length}`);

  // Cross-check names and types against the national commune list.
  const national = new Map(src.communesCsv.map((r) => [col(r, 'commune_code'), r]));
  for (const c of hungYen.communes) {
    const row = national.get(c.code) ?? fail(`commune ${c.code} missing from vn_communes_2025.csv`);
    if (col(row, 'commune_name') !== cleanText(c.name) || col(row, 'unit_type') !== cleanText(c.unit_type)) {
      fail(`commune ${c.code} differs between the Hưng Yên JSON and vn_communes_2025.csv`);
    }
  }

  const newUnitProvenance: Provenance = {
    source: `${DVHCVN_SOURCE}: hung_yen_2025_communes.json; Nghị quyết 1666/NQ-UBTVQH15`,
    licence: 'MIT',
    attribution: DVHCVN_ATTRIBUTION,
    demo: [],
  };
  const units: AdminUnitInput[] = [
    {
      code: PROVINCE_CODE,
      name: cleanText(hungYen.province_name),
      unitType: unitTypeOfProvince(hungYen.province_name),
      level: 'province',
      provinceCode: PROVINCE_CODE,
      validFrom: REFORM_DAY,
      validTo: null,
      provenance: { ...newUnitProvenance, source: `${DVHCVN_SOURCE}: vn_provinces_2025.csv; Nghị quyết 202/2025/QH15` },
    },
  ];
  for (const c of hungYen.communes) {
    const name = cleanText(c.name);
    if (!name.startsWith(`${cleanText(c.unit_type)} `)) fail(`commune name "${name}" does not start with its type`);
    units.push({
      code: c.code,
      name,
      unitType: cleanText(c.unit_type),
      level: 'commune',
      provinceCode: PROVINCE_CODE,
      validFrom: REFORM_DAY,
      validTo: null,
      provenance: newUnitProvenance,
    });
  }

  // Pre-reform units: every distinct old unit of the old-city links, as it stood until 30 June 2025.
  const mergedFrom = new Map(hungYen.communes.flatMap((c) => c.merged_from.map((m) => [m.old_code, m] as const)));
  const oldUnits = new Map<string, AdminUnitInput>();
  for (const row of src.wardLinks) {
    const code = col(row, 'old_unit_code');
    const name = col(row, 'old_unit_name');
    const fromJson = mergedFrom.get(code) ?? fail(`old unit ${code} not in the Hưng Yên JSON`);
    if (cleanText(fromJson.old_name) !== name) fail(`old unit ${code}: "${fromJson.old_name}" vs "${name}"`);
    if (fromJson.old_province_code !== OLD_THAI_BINH_PROVINCE_CODE) {
      fail(`old unit ${code} has province code ${fromJson.old_province_code}, expected ${OLD_THAI_BINH_PROVINCE_CODE}`);
    }
    if (cleanText(fromJson.old_district_name) !== col(row, 'old_district_name')) fail(`old unit ${code}: district differs`);
    if (oldUnits.has(code)) continue;
    oldUnits.set(code, {
      code,
      name,
      unitType: unitTypeFromName(name),
      level: 'commune',
      provinceCode: fromJson.old_province_code,
      parentName: col(row, 'old_district_name'),
      validFrom: null,
      validTo: LAST_DAY_BEFORE_REFORM,
      provenance: {
        source: `${DVHCVN_SOURCE}: thai_binh_city_wards_old_to_new.csv (checked against Nghị quyết 1666/NQ-UBTVQH15, Điều 1 khoản 100–104)`,
        licence: 'MIT',
        attribution: DVHCVN_ATTRIBUTION,
        demo: [],
        note: `${DISTRICT_NAMES_NOTE} validFrom is null: the unit existed before the period the sources cover.`,
      },
    });
  }
  units.push(...[...oldUnits.values()].sort((a, b) => a.code.localeCompare(b.code)));
  return units;
}

function unitTypeOfProvince(name: string): string {
  for (const type of ['Thành phố', 'Tỉnh']) if (cleanText(name).startsWith(`${type} `)) return type;
  return fail(`cannot tell the unit type of "${name}"`);
}

export function buildAdminSuccessions(src: Sources): AdminSuccessionInput[] {
  const newCodes = new Set(src.hungYen.communes.map((c) => c.code));
  return src.wardLinks.map((row) => {
    const successorCode = col(row, 'new_ward_code');
    if (!newCodes.has(successorCode)) fail(`successor ${successorCode} is not a Hưng Yên commune`);
    const mergeType = col(row, 'merge_type');
    if (mergeType !== 'full' && mergeType !== 'partial') fail(`unknown merge type "${mergeType}"`);
    return {
      predecessorCode: col(row, 'old_unit_code'),
      predecessorValidTo: LAST_DAY_BEFORE_REFORM,
      successorCode,
      successorValidFrom: REFORM_DAY,
      mergeType,
      legalBasis: col(row, 'legal_basis'),
      provenance: {
        source: `${DVHCVN_SOURCE}: thai_binh_city_wards_old_to_new.csv (checked against Nghị quyết 1666/NQ-UBTVQH15)`,
        licence: 'MIT',
        attribution: DVHCVN_ATTRIBUTION,
        demo: [],
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Streets (names are real; wards, ends, length and shape are demo)
// ---------------------------------------------------------------------------------------------------------

export function streetSlug(name: string): string {
  const slug = slugify(name);
  if (slug === '') fail(`street name "${name}" gives an empty slug`);
  return /^\d+$/.test(slug) ? `duong-${slug}` : slug;
}

/** How an end description names another street: "phố X" for named streets, "đường X" for numbers. */
function streetReference(street: { name: string; kind: string }): string {
  if (/^(Quốc lộ|Tỉnh lộ|Đường)\s/i.test(street.name)) return street.name;
  return street.kind === 'named_street' ? `phố ${street.name}` : `đường ${street.name}`;
}

interface StreetDraft {
  name: string;
  slug: string;
  kind: 'named_street' | 'numbered_street' | 'route_number';
  source: string;
  wardCodes: string[];
}

function wardCentre(code: string): LatLng {
  return (CITY_WARDS.find((w) => w.code === code) ?? fail(`no demo centre for ward ${code}`)).centre;
}

function clampToBox(p: LatLng, centre: LatLng): LatLng {
  return {
    lat: Math.min(centre.lat + BOX_HALF_LAT, Math.max(centre.lat - BOX_HALF_LAT, p.lat)),
    lng: Math.min(centre.lng + BOX_HALF_LNG, Math.max(centre.lng - BOX_HALF_LNG, p.lng)),
  };
}

function pointInBox(centre: LatLng, rnd: () => number, spread: number): LatLng {
  return {
    lat: centre.lat + (rnd() * 2 - 1) * BOX_HALF_LAT * spread,
    lng: centre.lng + (rnd() * 2 - 1) * BOX_HALF_LNG * spread,
  };
}

/** A plausible demo polyline: inside the home ward's box, or from the home box into the second ward's box. */
export function demoLine(slug: string, wardCodes: readonly string[]): LatLng[] {
  const rnd = mulberry32(fnv1a(`geometry:${slug}`));
  const home = wardCentre(wardCodes[0] ?? fail(`street ${slug} has no ward`));
  const points: LatLng[] = [];
  const second = wardCodes[1];
  if (second === undefined) {
    const count = 2 + Math.floor(rnd() * 4); // 2..5 points
    const lengthM = 300 + rnd() * 1100;
    const step = lengthM / (count - 1);
    let heading = rnd() * 2 * Math.PI;
    let p = pointInBox(home, rnd, 0.6);
    points.push(p);
    for (let i = 1; i < count; i++) {
      heading += (rnd() - 0.5) * 0.5;
      p = clampToBox(
        {
          lat: p.lat + metresToLat(step * Math.cos(heading)),
          lng: p.lng + metresToLng(step * Math.sin(heading), p.lat),
        },
        home,
      );
      points.push(p);
    }
  } else {
    const count = 3 + Math.floor(rnd() * 3); // 3..5 points
    const start = pointInBox(home, rnd, 0.6);
    const end = pointInBox(wardCentre(second), rnd, 0.6);
    for (let i = 0; i < count; i++) {
      const t = i / (count - 1);
      const wiggle = i === 0 || i === count - 1 ? 0 : (rnd() - 0.5) * 120; // metres, across the line
      const lat = start.lat + (end.lat - start.lat) * t;
      points.push({ lat: lat + metresToLat(wiggle), lng: start.lng + (end.lng - start.lng) * t + metresToLng(wiggle, lat) });
    }
  }
  const rounded = points.map((p) => ({ lat: round6(p.lat), lng: round6(p.lng) }));
  // Drop repeated points (a clamp can pin two in a corner); a line needs two distinct ones.
  const distinct = rounded.filter((p, i) => i === 0 || haversineMetres(rounded[i - 1] as LatLng, p) >= 1);
  if (distinct.length < 2) fail(`demo line for ${slug} collapsed to a point`);
  return distinct;
}

export function lineLengthM(points: readonly LatLng[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += haversineMetres(points[i - 1] as LatLng, points[i] as LatLng);
  return Math.round(total);
}

function assignWards(streets: readonly Omit<StreetDraft, 'wardCodes'>[], wardLinks: readonly CsvRow[]): StreetDraft[] {
  const wardCodes = CITY_WARDS.map((w) => w.code);
  // A street that shares its name with an old ward or commune of the city gets that unit's new ward as home.
  const hints = new Map<string, string>();
  for (const row of wardLinks) {
    if (col(row, 'in_old_thai_binh_city') !== 'yes') continue;
    hints.set(col(row, 'old_unit_name').replace(/^(Phường|Xã|Thị trấn) /, ''), col(row, 'new_ward_code'));
  }
  const home = new Map<string, string>();
  for (const s of streets) {
    const hinted = hints.get(s.name);
    if (hinted !== undefined) home.set(s.slug, hinted);
  }
  // The rest: round-robin over the wards in hash order, so every ward gets a fair share of streets.
  const byHash = streets.filter((s) => !home.has(s.slug)).sort((a, b) => fnv1a(`ward:${a.slug}`) - fnv1a(`ward:${b.slug}`));
  byHash.forEach((s, i) => home.set(s.slug, wardCodes[i % wardCodes.length] as string));

  // About 15% of streets cross into a second ward: every numbered route, then the lowest hashes.
  const target = Math.round(streets.length * SHARE_OF_STREETS_IN_TWO_WARDS);
  const crossing = new Set(streets.filter((s) => s.kind === 'route_number').map((s) => s.slug));
  const others = streets
    .filter((s) => !crossing.has(s.slug))
    .sort((a, b) => fnv1a(`cross:${a.slug}`) - fnv1a(`cross:${b.slug}`));
  for (const s of others) {
    if (crossing.size >= target) break;
    crossing.add(s.slug);
  }
  return streets.map((s) => {
    const homeWard = home.get(s.slug) ?? fail(`no home ward for ${s.slug}`);
    if (!crossing.has(s.slug)) return { ...s, wardCodes: [homeWard] };
    const rnd = mulberry32(fnv1a(`second-ward:${s.slug}`));
    return { ...s, wardCodes: [homeWard, pick(wardCodes.filter((c) => c !== homeWard), rnd)] };
  });
}

export function buildStreets(src: Sources): StreetInput[] {
  const kinds = ['named_street', 'numbered_street', 'route_number'] as const;
  const kept = src.streets.filter((row) => col(row, 'verification_note') === '');
  const drafts = kept.map((row) => {
    const name = col(row, 'street_name');
    const kind = kinds.find((k) => k === col(row, 'street_kind')) ?? fail(`unknown street kind for "${name}"`);
    if (col(row, 'lat') !== '' || col(row, 'lon') !== '' || col(row, 'ward') !== '') {
      fail(`street "${name}" now has a ward or coordinates in the source: use them instead of demo values`);
    }
    return { name, slug: streetSlug(name), kind, source: col(row, 'source') };
  });
  const slugs = new Set<string>();
  for (const d of drafts) {
    if (slugs.has(d.slug)) fail(`duplicate street slug ${d.slug}`);
    slugs.add(d.slug);
  }
  const streets = assignWards(drafts, src.wardLinks);

  const namesakes = new Map(src.namesakes.map((r) => [col(r, 'street_name'), r]));
  const namedInWard = (code: string, except: string) =>
    streets.filter((s) => s.kind === 'named_street' && s.wardCodes[0] === code && s.slug !== except);

  return streets.map((s): StreetInput => {
    const line = demoLine(s.slug, s.wardCodes);
    const first = line[0] as LatLng;
    const last = line[line.length - 1] as LatLng;
    const rnd = mulberry32(fnv1a(`ends:${s.slug}`));
    const startCandidates = namedInWard(s.wardCodes[0] as string, s.slug);
    const startStreet = pick(startCandidates, rnd);
    const endWard = s.wardCodes[s.wardCodes.length - 1] as string;
    const endCandidates = namedInWard(endWard, s.slug).filter((c) => c.slug !== startStreet.slug);
    const endStreet = pick(endCandidates, rnd);

    const row = namesakes.get(s.name);
    const namesake =
      row === undefined
        ? null
        : {
            name: col(row, 'namesake_wikipedia_title'),
            description: col(row, 'description_vi'),
            sourceUrl: col(row, 'wikipedia_url'),
            provenance: {
              source: `vi.wikipedia.org, article ${col(row, 'namesake_wikipedia_title')} (via ${col(row, 'retrieved_via')})`,
              licence: WIKIPEDIA_LICENCE,
              attribution: WIKIPEDIA_ATTRIBUTION,
              demo: [],
            },
          };

    return {
      slug: s.slug,
      name: s.name,
      kind: s.kind,
      oldNames: [],
      wardCodes: s.wardCodes,
      start: { description: `Giao với ${streetReference(startStreet)}`, point: first },
      end: { description: `Giao với ${streetReference(endStreet)}`, point: last },
      lengthM: lineLengthM(line),
      geometry: { type: 'LineString', coordinates: line.map((p) => [p.lng, p.lat] as [number, number]) },
      namesake,
      namingAct: null,
      provenance: {
        source: s.source,
        licence: 'MIT',
        attribution: STREETS_ATTRIBUTION,
        demo: ['wardCodes', 'start', 'end', 'lengthM', 'geometry'],
        note:
          'Name and kind are from the source list (dated March 2019). No public source places these streets in wards or ' +
          'gives their ends, shape or length: wardCodes, start, end, lengthM and geometry are sample values invented ' +
          'for the demo (within or between made-up boxes around made-up ward centres) and must be replaced by surveyed data.',
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Plates (wholly demo)
// ---------------------------------------------------------------------------------------------------------

export function plateSerial(index: number): number {
  return (PLATE_SERIAL_OFFSET + index * PLATE_SERIAL_STEP) % PLATE_SERIAL_SPACE;
}

export function buildPlates(streets: readonly StreetInput[], platePrefix = DEFAULT_PLATE_PREFIX): PlateInput[] {
  if (!isValidPlatePrefix(platePrefix)) fail(`plate prefix "${platePrefix}": use 2 to 4 letters of ${PLATE_ALPHABET.replace(/[0-9]/g, '')}`);
  const provenance = demoProvenance(
    'No plates are installed yet: codes, positions, points and status are sample values for the demo city.',
  );
  const plates: PlateInput[] = [];
  for (const street of streets) {
    const ends = [
      ['Đầu phố', street.start],
      ['Cuối phố', street.end],
    ] as const;
    for (const [label, end] of ends) {
      if (end === null || end === undefined) fail(`street ${street.slug} has no ${label}`);
      plates.push({
        code: plateCodeFromSerial(platePrefix, plateSerial(plates.length)),
        streetSlug: street.slug,
        positionDescription: `${label} (${end.description})`,
        point: end.point,
        status: 'active',
        installedAt: null,
        provenance,
      });
    }
  }
  if (new Set(plates.map((p) => p.code)).size !== plates.length) fail('plate codes are not unique');
  return plates;
}

// ---------------------------------------------------------------------------------------------------------
// Procedures (national portal)
// ---------------------------------------------------------------------------------------------------------

const CHANNELS: Readonly<Record<string, 'online' | 'postal' | 'in_person'>> = {
  'Trực tuyến': 'online',
  'Dịch vụ bưu chính': 'postal',
  'Trực tiếp': 'in_person',
};
const LEVELS: Readonly<Record<string, 'ministry' | 'province' | 'commune' | null>> = {
  'Cấp bộ': 'ministry',
  'Cấp tỉnh': 'province',
  'Cấp xã': 'commune',
  'Cơ quan khác': null, // "other agency": no value in the schema
};

const DOCUMENT_CODE = String.raw`\d+(?:\.\d+)?\/(?:\d{4}\/)?[\p{Lu}\d]+(?:-(?:TTg|[\p{Lu}\d]+))*`;
/** Issuer suffixes that end a document code ("NĐ-CP", "TT-BCA", "QH15"...). */
const ISSUER = String.raw`(?:CP|BCA|BTP|BTC|BXD|BNNMT|BNV|BYT|BQP|BCT|BGDĐT|BTNMT|BKHĐT|BLĐTBXH|BTTTT|VPCP|NHNN|UBND|HĐND|TTg|BHXH|QH\d{2}|UBTVQH\d{2}|UBTƯMTTQVN)`;
const ROW_START_WORDS = [
  'Thông tư', 'Nghị định', 'Nghị quyết', 'Bộ luật', 'Luật', 'LUẬT', 'Pháp lệnh', 'Quyết định', 'QUYẾT ĐỊNH',
  'Sửa đổi', 'Quy định', 'QUY ĐỊNH', 'Hướng dẫn', 'Ban hành', 'BAN HÀNH', 'Về', 'Công bố', 'Thực hiện', 'Chỉ thị',
  'Văn bản', 'Hiến pháp',
];
/** A document code glued to the next row: "…58/2014/QH13Thông tư…", "…68/2018/NĐ-CPTrách nhiệm…". */
const CODE_THEN_NEW_ROW = [
  new RegExp(`(${DOCUMENT_CODE})(?=${ROW_START_WORDS.join('|')})`, 'gu'),
  new RegExp(String.raw`(\d+(?:\.\d+)?\/(?:\d{4}\/)?(?:[\p{Lu}\d]+-)*${ISSUER})(?=\p{Lu}\p{Ll})`, 'gu'),
];
/** A row that ends with its document code glued to its name: "…xã hội58/2014/QH13". */
const NAME_THEN_CODE_AT_LINE_END = new RegExp(
  String.raw`(?<=[\p{L})]|[\p{L})]\.)(${DOCUMENT_CODE}|\d+\/(?:\d{4}\/)?[\p{Lu}\d][\p{L}\d]*(?:-[\p{L}\d]+)*)$`,
  'gmu',
);

/**
 * The crawl flattened the portal's tables (documents, legal basis) into one run of text with the cells glued
 * together. This puts rows back on their own lines, drops the column headers and puts each document's
 * quantity in brackets. It only adds whitespace and punctuation: the source wording is unchanged.
 */
export function readableText(raw: string): string {
  let text = cleanText(raw)
    .replace(/Tên giấy tờ\s*Mẫu đơn, tờ khai\s*Số lượng/g, '\n')
    .replace(/Tên văn bản pháp lý\s*Mã văn bản/g, '\n')
    // "…;0 bản chính,1 bản saoGiấy tờ…" → "…; (0 bản chính, 1 bản sao)\nGiấy tờ…"
    .replace(/(?<=[\p{L};:)]|[\p{L})]\.)(\d+ bản chính(?:,\s*\d+ bản sao)?|\d+ bản sao)/gu, (q: string) => ` (${q.replace(/,\s*/, ', ')})\n`);
  for (const pattern of CODE_THEN_NEW_ROW) text = text.replace(pattern, '$1\n');
  text = text
    // "…trình:Tên…", "…bản chínhGiấy…", "…Bộ Công an)Mẫu…": a word glued to a capitalised one is a cell boundary
    .replace(/(?<=\p{Ll}{2}|\p{Ll}{2}\.|\))(?=\p{Lu}\p{Ll})/gu, '\n')
    // "Luật Bảo hiểm xã hội58/2014/QH13" → "Luật Bảo hiểm xã hội – 58/2014/QH13"
    .replace(NAME_THEN_CODE_AT_LINE_END, ' – $1');
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => !/^[\s\-–.,;:*]*$/.test(line))
    .join('\n');
}

const HDND_FEE = /Hội đồng nhân dân|HĐND/i;

export function buildProcedures(src: Sources): ProcedureInput[] {
  const csvNames = new Map(src.proceduresCsv.map((r) => [col(r, 'procedure_code'), col(r, 'name')]));
  for (const code of Object.keys(EXCLUDED_PROCEDURES)) {
    if (!src.procedures.procedures.some((p) => p.procedure_code === code)) fail(`excluded procedure ${code} not in the crawl`);
  }
  const syncedAt = src.procedures.crawled_at ?? null;
  return src.procedures.procedures
    .filter((p) => p.citizen_core_field === 'yes' && EXCLUDED_PROCEDURES[p.procedure_code] === undefined)
    .map((p: ProcedureSource): ProcedureInput => {
      const code = cleanText(p.procedure_code);
      const name = cleanText(p.name);
      if (csvNames.get(code) !== name) fail(`procedure ${code}: name differs from commune_procedures_dvcqg.csv`);
      const levelNames = p.levels.split(',').map(cleanText).filter((l) => l !== '');
      const levels = levelNames.map((l) => {
        const level = LEVELS[l];
        if (level === undefined) fail(`procedure ${code}: unknown level "${l}"`);
        return level;
      });
      const channels = p.submission_methods.map((m) => ({
        channel: CHANNELS[cleanText(m.channel)] ?? fail(`procedure ${code}: unknown channel "${m.channel}"`),
        time: parseProcessingTime(m.time),
        fee: cleanText(m.fee),
        note: cleanText(m.note),
      }));
      const notes = ['The online level (toàn trình / một phần) is not in the crawl, so onlineLevel is null.'];
      notes.push(
        'Documents, steps, conditions and legal basis keep the portal wording; table cells the crawl ran together are put back on separate lines.',
      );
      if (p.submission_methods.some((m) => HDND_FEE.test(`${m.fee} ${m.note}`))) {
        notes.push(
          "The fee is set by the provincial People's Council (HĐND cấp tỉnh): check it against Hưng Yên's own rates before showing it as the amount due.",
        );
      }
      if (channels.some((c) => c.time.value !== null && c.time.unit === null)) {
        notes.push('The portal gives at least one processing time as a bare number with no unit; the unit is left unknown.');
      }
      if (levels.includes(null)) notes.push('The portal also lists "Cơ quan khác" (another agency) as a level; it has no value in levels.');
      return {
        code,
        name,
        field: cleanText(p.field),
        levels: levels.filter((l): l is NonNullable<typeof l> => l !== null),
        implementingAgency: cleanText(p.implementing_agency),
        channels,
        onlineLevel: null,
        documents: readableText(p.dossier),
        steps: readableText(p.steps),
        conditions: readableText(p.requirements),
        legalBasis: readableText(p.legal_basis),
        results: p.results.map((r) => cleanText(r.name)).filter((r) => r !== ''),
        sourceUrl: cleanText(p.detail_url),
        syncedAt,
        provenance: {
          source: PORTAL_SOURCE,
          licence: PORTAL_LICENCE,
          attribution: PORTAL_ATTRIBUTION,
          demo: [],
          note: notes.join(' '),
        },
      };
    });
}

// ---------------------------------------------------------------------------------------------------------
// Service points (demo)
// ---------------------------------------------------------------------------------------------------------

const SERVICE_POINT_DEMO_FIELDS = [
  'name',
  'address',
  'point',
  'phone',
  'email',
  'openingHours',
  'closures',
  'accessibilityNotes',
  'proceduresNotAccepted',
];
const WEEKDAYS = 'Mo-Fr 07:30-11:30,13:30-17:00';
const WEEKDAYS_AND_SATURDAY = `${WEEKDAYS}; Sa 07:30-11:30`;

export function buildServicePoints(src: Sources): ServicePointInput[] {
  const names = new Map(src.hungYen.communes.map((c) => [c.code, cleanText(c.name)]));
  const provenance = (extra: string): Provenance => ({
    source: 'demo',
    licence: 'demo',
    demo: SERVICE_POINT_DEMO_FIELDS,
    note:
      'No public source lists the address, location, phone, e-mail or opening hours of this centre: they are sample ' +
      'values (phone and e-mail left empty) until ward or provincial officials enter the real ones. The name follows ' +
      'the pattern used for Public Administrative Service Centres after the 2025 reform but has not been checked ' +
      `against a Hưng Yên decision. ${extra}`,
  });
  const wardPoints = CITY_WARDS.map((ward, i): ServicePointInput => {
    const fullName = names.get(ward.code) ?? fail(`ward ${ward.code} is not a Hưng Yên commune`);
    const bare = fullName.replace(/^Phường /, '');
    return {
      key: `ttphcc-${ward.code}`,
      kind: 'ward_centre',
      name: `Trung tâm Phục vụ hành chính công phường ${bare}`,
      wardCode: ward.code,
      address: `Địa chỉ mẫu (demo) — phường ${bare}, tỉnh Hưng Yên; địa chỉ thật do cán bộ phường cập nhật`,
      point: ward.centre,
      phone: null,
      email: null,
      openingHours: i % 2 === 0 ? WEEKDAYS_AND_SATURDAY : WEEKDAYS,
      closures: [],
      accessibilityNotes: '',
      proceduresNotAccepted: [],
      provenance: provenance('The point is the made-up demo centre of the ward.'),
    };
  });
  return [
    ...wardPoints,
    {
      key: 'ttphcc-tinh-hung-yen',
      kind: 'provincial_centre',
      name: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên',
      wardCode: null,
      address: 'Địa chỉ mẫu (demo) — tỉnh Hưng Yên; địa chỉ thật do cán bộ tỉnh cập nhật',
      point: PROVINCIAL_CENTRE_DEMO_POINT,
      phone: null,
      email: null,
      openingHours: WEEKDAYS_AND_SATURDAY,
      closures: [],
      accessibilityNotes: '',
      proceduresNotAccepted: [],
      provenance: provenance(
        'The point is placed in the old Thái Bình city only so the demo map has it nearby; it says nothing about where the centre is.',
      ),
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------

function validated<T extends z.ZodTypeAny>(schema: T, file: string, about: string, sources: string[], records: unknown[]) {
  const result = datasetFileSchema(schema).safeParse({ about, sources, records });
  if (!result.success) throw new Error(`${file} does not validate:\n${JSON.stringify(result.error.issues.slice(0, 5), null, 2)}`);
  return result.data;
}

export interface BuildOptions {
  platePrefix?: string;
}

export function buildAll(root: string, { platePrefix = DEFAULT_PLATE_PREFIX }: BuildOptions = {}): Record<string, unknown> {
  const src = readSources(join(root, '..', 'shared', 'data'));
  const streets = buildStreets(src);
  const portalCommit = src.procedures.commit.slice(0, 8);
  if (!PORTAL_SOURCE.includes(portalCommit)) fail(`procedure crawl commit changed to ${src.procedures.commit}`);
  return {
    'admin-units.json': validated(
      adminUnitRecordSchema,
      'admin-units.json',
      'Administrative units for the demo: the province of Hưng Yên and its 104 communes and wards from 1 July 2025, and the pre-reform communes and wards that became the five wards of the old Thái Bình city (valid until 30 June 2025).',
      [DVHCVN_SOURCE, 'daohoangson/dvhcvn (old district names, GPL-3.0)', 'Nghị quyết 202/2025/QH15', 'Nghị quyết 1666/NQ-UBTVQH15'],
      buildAdminUnits(src),
    ),
    'admin-successions.json': validated(
      adminSuccessionRecordSchema,
      'admin-successions.json',
      'Which pre-reform commune or ward became which post-reform ward of the old Thái Bình city on 1 July 2025.',
      [DVHCVN_SOURCE, 'Nghị quyết 1666/NQ-UBTVQH15, Điều 1 khoản 100–104'],
      buildAdminSuccessions(src),
    ),
    'streets.json': validated(
      streetRecordSchema,
      'streets.json',
      'Streets of the old Thái Bình city. Names are real; wards, ends, shapes and lengths are demo values (see provenance.demo).',
      [
        'thien0291/vietnam_dataset data/TB.json @def48a92abc34d19653efc6e10a39d13960542da (MIT)',
        'vi.wikipedia.org (namesake descriptions, CC BY-SA 4.0)',
      ],
      streets,
    ),
    'plates.json': validated(
      plateRecordSchema,
      'plates.json',
      'Demo street plates, one at each end of every street. No plate is installed yet; every value is sample data.',
      ['demo'],
      buildPlates(streets, platePrefix),
    ),
    'procedures.json': validated(
      procedureRecordSchema,
      'procedures.json',
      'Citizen-facing administrative procedures that can be done at commune level, from the national public-service portal.',
      [PORTAL_SOURCE],
      buildProcedures(src),
    ),
    'service-points.json': validated(
      servicePointRecordSchema,
      'service-points.json',
      'Public Administrative Service Centres of the five wards of the old Thái Bình city and of the province. Addresses, points and hours are demo values.',
      ['demo'],
      buildServicePoints(src),
    ),
  };
}

function main(): void {
  const { values } = parseArgs({ options: { 'plate-prefix': { type: 'string', default: DEFAULT_PLATE_PREFIX } } });
  const root = findRepoRoot(__dirname);
  const files = buildAll(root, { platePrefix: values['plate-prefix'].toUpperCase() });
  for (const [name, content] of Object.entries(files)) {
    writeDataFile(root, name, content);
    const count = (content as { records: unknown[] }).records.length;
    console.log(`data/${name}: ${count} records`);
  }
}

if (require.main === module) main();
