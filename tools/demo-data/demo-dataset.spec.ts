import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import {
  adminSuccessionRecordSchema,
  adminUnitRecordSchema,
  datasetFileSchema,
  plateRecordSchema,
  procedureRecordSchema,
  servicePointRecordSchema,
  streetRecordSchema,
} from '@pho-so/shared/contracts';
import { parsePlateCode } from '@pho-so/shared/domain';
import { buildAll } from './build-demo-data';

const root = resolve(__dirname, '../..');
const sharedData = join(root, '..', 'shared', 'data');
const CITY_WARDS = ['13225', '12454', '12452', '12817', '12466'];

function load<T extends z.ZodTypeAny>(name: string, schema: T) {
  const text = readFileSync(join(root, 'data', name), 'utf8');
  return { text, file: datasetFileSchema(schema).parse(JSON.parse(text)) };
}
const csv = (name: string) =>
  parse(readFileSync(join(sharedData, name), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];

const adminUnits = load('admin-units.json', adminUnitRecordSchema);
const successions = load('admin-successions.json', adminSuccessionRecordSchema);
const streets = load('streets.json', streetRecordSchema);
const plates = load('plates.json', plateRecordSchema);
const procedures = load('procedures.json', procedureRecordSchema);
const servicePoints = load('service-points.json', servicePointRecordSchema);
const all = { adminUnits, successions, streets, plates, procedures, servicePoints };

const wardLinks = csv('thai_binh_city_wards_old_to_new.csv');

describe('demo dataset in data/', () => {
  it('validates against the record schemas and is stored as written (2-space JSON, NFC, final newline)', () => {
    for (const { text, file } of Object.values(all)) {
      expect(file.about.length).toBeGreaterThan(0);
      expect(text).toBe(text.normalize('NFC'));
      expect(text.endsWith('}\n')).toBe(true);
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });

  it('is exactly what the generator builds today (deterministic, up to date)', () => {
    const built = buildAll(root);
    const names = ['admin-units.json', 'admin-successions.json', 'streets.json', 'plates.json', 'procedures.json', 'service-points.json'];
    expect(Object.keys(built).sort()).toEqual([...names].sort());
    for (const name of names) {
      expect(`${JSON.stringify(built[name], null, 2)}\n`).toBe(readFileSync(join(root, 'data', name), 'utf8'));
    }
    expect(JSON.stringify(buildAll(root))).toBe(JSON.stringify(built));
  });

  it("builds another city's plates with that city's prefix, and refuses a prefix that is no plate prefix", () => {
    const other = buildAll(root, { platePrefix: 'HY' })['plates.json'] as { records: Array<{ code: string }> };
    expect(other.records).toHaveLength(plates.file.records.length);
    for (const { code } of other.records) expect(parsePlateCode(code)).toMatchObject({ ok: true, prefix: 'HY', code });
    // The same serials as the TB city's, but other check characters: the prefix is inside the check.
    expect(other.records.map((p) => p.code.slice(3, 7))).toEqual(plates.file.records.map((p) => p.code.slice(3, 7)));
    expect(other.records.filter((p, i) => p.code.slice(7) !== plates.file.records[i]?.code.slice(7)).length).toBeGreaterThan(100);
    for (const bad of ['T', 'TB1', 'TO', 'ABCDE']) expect(() => buildAll(root, { platePrefix: bad })).toThrow(/plate prefix/);
  });

  it('has the expected counts', () => {
    const oldCodes = new Set(wardLinks.map((r) => r.old_unit_code));
    expect(wardLinks).toHaveLength(27);
    const units = adminUnits.file.records;
    expect(units.filter((u) => u.level === 'province')).toHaveLength(1);
    expect(units.filter((u) => u.level === 'commune' && u.validFrom === '2025-07-01' && u.validTo === null)).toHaveLength(104);
    expect(units.filter((u) => u.validTo === '2025-06-30')).toHaveLength(oldCodes.size);
    expect(units).toHaveLength(1 + 104 + oldCodes.size);
    expect(successions.file.records).toHaveLength(27);
    expect(streets.file.records.length).toBeGreaterThanOrEqual(60);
    expect(plates.file.records.length).toBeGreaterThanOrEqual(120);
    expect(plates.file.records).toHaveLength(2 * streets.file.records.length);
    expect(procedures.file.records.length).toBeGreaterThanOrEqual(60);
    expect(servicePoints.file.records).toHaveLength(6);
  });

  it('keys administrative units by (code, validity) and links every succession to both ends', () => {
    const units = adminUnits.file.records;
    const keys = units.map((u) => `${u.code}|${u.validFrom}|${u.validTo}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(units.filter((u) => u.code === '12452')).toHaveLength(2);
    for (const s of successions.file.records) {
      expect(units.some((u) => u.code === s.predecessorCode && u.validTo === s.predecessorValidTo)).toBe(true);
      expect(units.some((u) => u.code === s.successorCode && u.validFrom === s.successorValidFrom)).toBe(true);
      expect(CITY_WARDS).toContain(s.successorCode);
    }
    for (const u of units.filter((x) => x.validTo === '2025-06-30')) {
      expect(u.provinceCode).toBe('34');
      expect(u.parentName).toBeTruthy();
    }
  });

  it('puts every street only in the five wards of the old city, with unique slugs', () => {
    const slugs = streets.file.records.map((s) => s.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const s of streets.file.records) {
      expect(s.wardCodes.length).toBeGreaterThanOrEqual(1);
      for (const code of s.wardCodes) expect(CITY_WARDS).toContain(code);
    }
  });

  it('keeps street names as the source gives them and skips the doubtful rows', () => {
    const rows = csv('thai_binh_city_streets.csv');
    const kept = rows.filter((r) => r.verification_note === '').map((r) => r.street_name);
    expect(streets.file.records.map((s) => s.name)).toEqual(kept);
  });

  it('gives every plate an existing street and a unique, valid code', () => {
    const slugs = new Set(streets.file.records.map((s) => s.slug));
    const codes = plates.file.records.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of plates.file.records) {
      expect(slugs.has(p.streetSlug)).toBe(true);
      expect(parsePlateCode(p.code)).toEqual(expect.objectContaining({ ok: true, code: p.code }));
    }
  });

  it('takes procedure codes and names from the portal crawl', () => {
    const names = new Map(csv('commune_procedures_dvcqg.csv').map((r) => [r.procedure_code, r.name]));
    const codes = procedures.file.records.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of procedures.file.records) {
      expect(names.has(p.code)).toBe(true);
      expect(p.name).toBe(names.get(p.code));
    }
  });

  it('never gives a processing time a unit or value that the raw text lacks', () => {
    const unitWords = { working_days: /ngày làm việc/i, days: /ngày/i, hours: /giờ/i, months: /tháng/i } as const;
    for (const p of procedures.file.records) {
      for (const { time } of p.channels) {
        if (time.unit !== null) {
          expect(time.raw).toMatch(unitWords[time.unit]);
          if (time.unit === 'days') expect(time.raw).not.toMatch(/làm việc/i);
        }
        if (time.value !== null) expect(time.raw.replace(',', '.')).toContain(String(time.value));
        else expect(time.unit).toBeNull();
      }
    }
  });

  it('keeps the portal wording of procedure texts (same letters and digits in the same order)', () => {
    const crawl = JSON.parse(readFileSync(join(sharedData, 'commune_procedures_core_detail.json'), 'utf8')) as {
      procedures: { procedure_code: string; dossier: string; steps: string; requirements: string; legal_basis: string }[];
    };
    const byCode = new Map(crawl.procedures.map((p) => [p.procedure_code, p]));
    const headers = /Tên giấy tờ\s*Mẫu đơn, tờ khai\s*Số lượng|Tên văn bản pháp lý\s*Mã văn bản/g;
    const letters = (s: string) => s.normalize('NFC').replace(headers, '').replace(/[^\p{L}\p{N}]/gu, '');
    for (const p of procedures.file.records) {
      const source = byCode.get(p.code);
      expect(source).toBeDefined();
      if (!source) continue;
      expect(letters(p.documents)).toBe(letters(source.dossier));
      expect(letters(p.steps)).toBe(letters(source.steps));
      expect(letters(p.conditions)).toBe(letters(source.requirements));
      expect(letters(p.legalBasis)).toBe(letters(source.legal_basis));
    }
  });

  it('lists every invented value in provenance.demo', () => {
    for (const u of adminUnits.file.records) expect(u.provenance.demo).toEqual([]);
    for (const s of successions.file.records) expect(s.provenance.demo).toEqual([]);
    for (const p of procedures.file.records) {
      expect(p.provenance.demo).toEqual([]);
      expect(p.provenance.source).not.toBe('demo');
    }
    for (const s of streets.file.records) {
      // No public source places the streets in wards or gives their ends, length or shape.
      expect(s.provenance.demo).toEqual(expect.arrayContaining(['wardCodes']));
      if (s.start !== null) expect(s.provenance.demo).toContain('start');
      if (s.end !== null) expect(s.provenance.demo).toContain('end');
      if (s.lengthM !== null) expect(s.provenance.demo).toContain('lengthM');
      if (s.geometry !== null) expect(s.provenance.demo).toContain('geometry');
      expect(s.provenance.demo).not.toContain('name');
      if (s.namesake !== null) {
        expect(s.namesake.provenance.demo).toEqual([]);
        expect(s.namesake.provenance.licence).toBe('CC BY-SA 4.0');
        expect(s.namesake.provenance.attribution).toContain('Wikipedia contributors');
      }
    }
    for (const p of plates.file.records) {
      expect(p.provenance).toEqual(expect.objectContaining({ source: 'demo', licence: 'demo', demo: ['*'] }));
    }
    for (const sp of servicePoints.file.records) {
      expect(sp.provenance.source).toBe('demo');
      expect(sp.provenance.demo).toEqual(
        expect.arrayContaining(['address', 'point', 'phone', 'email', 'openingHours', 'closures']),
      );
      expect(sp.address).toMatch(/demo/i);
    }
  });

  it('draws demo geometry consistently: ends on the line, length from the line, inside the old city', () => {
    const R = 6_371_008.8;
    const rad = (d: number) => (d * Math.PI) / 180;
    for (const s of streets.file.records) {
      expect(s.geometry?.type).toBe('LineString');
      if (s.geometry?.type !== 'LineString') continue;
      const coords = s.geometry.coordinates;
      expect(coords.length).toBeGreaterThanOrEqual(2);
      expect(coords.length).toBeLessThanOrEqual(5);
      const first = coords[0] as [number, number];
      const last = coords[coords.length - 1] as [number, number];
      expect(s.start?.point).toEqual({ lat: first[1], lng: first[0] });
      expect(s.end?.point).toEqual({ lat: last[1], lng: last[0] });
      let length = 0;
      for (let i = 1; i < coords.length; i++) {
        const [lng1, lat1] = coords[i - 1] as [number, number];
        const [lng2, lat2] = coords[i] as [number, number];
        const h = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lng2 - lng1) / 2) ** 2;
        length += 2 * R * Math.asin(Math.sqrt(h));
      }
      expect(s.lengthM).toBe(Math.round(length));
      for (const [lng, lat] of coords) {
        expect(lat).toBeGreaterThan(20.40);
        expect(lat).toBeLessThan(20.48);
        expect(lng).toBeGreaterThan(106.30);
        expect(lng).toBeLessThan(106.38);
      }
    }
  });
});
