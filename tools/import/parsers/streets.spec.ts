import { readFileSync } from 'node:fs';
import { fixture, rejectionOf } from '../testing/paths';
import { haversineMetres as haversineBetween } from '@pho-so/shared/domain';

const haversineMetres = ([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]) =>
  haversineBetween({ lat: lat1, lng: lng1 }, { lat: lat2, lng: lng2 });
import { parseOsmStreets } from './streets';

const read = (name: string) => readFileSync(fixture(name), 'utf8');
const osm = { source: 'OpenStreetMap contributors (streets.geojson)', licence: 'ODbL 1.0', attribution: '© OpenStreetMap contributors', demo: [] };

const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features }, null, 2);
const feature = (properties: Record<string, unknown>, geometry: unknown = { type: 'LineString', coordinates: [[106.33, 20.44], [106.331, 20.441]] }) => ({
  type: 'Feature',
  properties,
  geometry,
});

describe('parseOsmStreets', () => {
  const items = parseOsmStreets('data/streets.geojson', read('streets.geojson'), { wardCodes: ['13225'] });
  const byName = (name: string) => items.find((i) => i.record.name === name);

  it('makes one street per name, located at the line of its first feature', () => {
    expect(items.map((i) => [i.record.slug, i.at])).toEqual([
      ['le-loi', { file: 'data/streets.geojson', line: 5 }],
      ['tran-hung-dao', { file: 'data/streets.geojson', line: 17 }],
      ['hai-ba-trung', { file: 'data/streets.geojson', line: 36 }],
    ]);
  });

  it('joins the ways of one street into one line and measures it', () => {
    const leLoi = byName('Lê Lợi')?.record;
    expect(leLoi?.geometry).toEqual({ type: 'LineString', coordinates: [[106.338, 20.45], [106.339, 20.451], [106.34, 20.4522]] });
    expect(leLoi?.start).toEqual({ description: 'Điểm đầu', point: { lat: 20.45, lng: 106.338 } });
    expect(leLoi?.end).toEqual({ description: 'Điểm cuối', point: { lat: 20.4522, lng: 106.34 } });
    const expected = haversineMetres([106.338, 20.45], [106.339, 20.451]) + haversineMetres([106.339, 20.451], [106.34, 20.4522]);
    expect(leLoi?.lengthM).toBe(Math.round(expected));
    expect(leLoi?.lengthM).toBeGreaterThan(300);
    expect(leLoi?.lengthM).toBeLessThan(340);
    expect(leLoi).toMatchObject({ kind: 'named_street', oldNames: ['Phố Cũ'], wardCodes: ['13225'], namesake: null, namingAct: null });
    expect(leLoi?.provenance).toEqual({ ...osm, note: 'OSM way/1001, way/1002' });
  });

  it('keeps a MultiLineString whose parts do not meet; per-feature wards override --ward; old names and namesake', () => {
    const street = byName('Trần Hưng Đạo')?.record;
    expect(street?.geometry?.type).toBe('MultiLineString');
    expect(street?.geometry?.coordinates).toHaveLength(2);
    expect(street?.start?.point).toEqual({ lat: 20.44, lng: 106.33 });
    expect(street?.end?.point).toEqual({ lat: 20.446, lng: 106.336 });
    expect(street?.wardCodes).toEqual(['12452', '13225']);
    expect(street?.oldNames).toEqual(['Phố Tây', 'Đường Số 1']);
    expect(street?.namesake).toEqual({
      name: 'Trần Hưng Đạo',
      description: 'Wikidata Q1000001',
      wikidataId: 'Q1000001',
      sourceUrl: 'https://www.wikidata.org/wiki/Q1000001',
      provenance: osm,
    });
  });

  it('drops an elevation from positions', () => {
    expect(byName('Hai Bà Trưng')?.record.geometry).toEqual({ type: 'LineString', coordinates: [[106.341, 20.447], [106.342, 20.448]] });
  });

  it('rejects a one-point line at the line where its feature starts', () => {
    expect(rejectionOf(() => parseOsmStreets('streets.geojson', read('streets-one-bad-feature.geojson'), { wardCodes: ['13225'] })).message).toBe(
      'streets.geojson:9:geometry.coordinates: expected at least 2 points',
    );
  });

  it.each([
    [feature({ name: 'X' }), undefined, 'properties.pho_so:ward_codes: no ward: pass --ward'],
    [feature({ name: 'X', 'pho_so:ward_codes': '1322' }), ['13225'], 'properties.pho_so:ward_codes: "1322" is not a 5-digit GSO ward code'],
    [feature({ highway: 'residential' }), ['13225'], 'properties.name: every feature needs a name'],
    [feature({ name: '   ' }), ['13225'], 'properties.name: every feature needs a name'],
    [feature({ name: 'X' }, { type: 'Point', coordinates: [106.33, 20.44] }), ['13225'], 'geometry.type: expected a LineString or MultiLineString'],
    [feature({ name: 'X' }, { type: 'LineString', coordinates: [[20.44, 206.33], [20.45, 206.34]] }), ['13225'], 'geometry.coordinates.0: longitude must be within ±180'],
    [feature({ name: 'X' }, { type: 'MultiLineString', coordinates: [] }), ['13225'], 'geometry.coordinates: expected at least 1 line'],
    [feature({ name: 'X' }, { type: 'LineString', coordinates: [[106.33, 20.44], [106.33, 20.44]] }), ['13225'], 'geometry.coordinates: the street has no length'],
    [feature({ name: 'X', 'name:etymology:wikidata': 'Q1;Q2' }), ['13225'], 'properties.name:etymology:wikidata: expected one Wikidata id'],
    [{ type: 'Feature', properties: { name: 'X' }, geometry: null }, ['13225'], 'geometry: expected a LineString or MultiLineString geometry'],
  ])('rejects %j', (bad, wardCodes, message) => {
    const error = rejectionOf(() => parseOsmStreets('s.geojson', collection(bad), { wardCodes }));
    expect(error.message).toContain(`s.geojson:4:${message}`);
  });

  it('rejects two names that would share a slug, and features of one name that disagree on the namesake', () => {
    expect(rejectionOf(() => parseOsmStreets('s.geojson', collection(feature({ name: 'Lê Lợi' }), feature({ name: 'Le Loi' })), { wardCodes: ['13225'] })).message).toMatch(
      /^s\.geojson:\d+:properties\.name: "Le Loi" and "Lê Lợi" \(line 4\) would share the slug "le-loi"/,
    );
    const disagree = collection(feature({ name: 'A', 'name:etymology:wikidata': 'Q1' }), feature({ name: 'A', 'name:etymology:wikidata': 'Q2' }));
    expect(rejectionOf(() => parseOsmStreets('s.geojson', disagree, { wardCodes: ['13225'] })).message).toMatch(/Q2 differs from Q1 .* at line 4$/);
  });

  it('rejects something that is not a FeatureCollection, and invalid JSON at its line', () => {
    expect(rejectionOf(() => parseOsmStreets('s.geojson', '{"type": "Feature"}')).message).toBe('s.geojson:1:type: expected a GeoJSON FeatureCollection');
    expect(rejectionOf(() => parseOsmStreets('s.geojson', '{\n "type": "FeatureCollection",\n "features": [,]\n}')).message).toMatch(/^s\.geojson:3:\(file\): not valid JSON/);
  });
});
