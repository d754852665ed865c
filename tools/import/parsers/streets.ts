import type { Node } from 'jsonc-parser';
import { z } from 'zod';
import { streetRecordSchema, type Namesake, type Provenance, type StreetGeometry, type StreetRecord } from '@pho-so/shared/contracts';
import { slugify } from '@pho-so/shared/domain';
import { ImportRejected, lineAt, nodeAt, parseJsonDocument, type Located } from '@pho-so/server/dataset';
import { splitList } from './csv';
import { fileLabel, oneLine } from './common';
import { lengthMetres, mergeLines, type Position } from './geo';
import { validateRecord } from './validate';

/**
 * Streets from an OpenStreetMap GeoJSON export (e.g. overpass-turbo "Export → GeoJSON" of named
 * highways): a FeatureCollection of LineString / MultiLineString features whose `properties` hold the
 * OSM tags flat: `name` (required), `old_name` (";"-separated), `name:etymology:wikidata` (one Q-id),
 * `highway` (ignored), `@id` or the feature `id` ("way/123", kept in provenance).
 *
 * OSM does not know the post-reform wards, so every feature needs ward codes: `options.wardCodes`
 * (the CLI's `--ward`) for all features, overridden per feature by `pho_so:ward_codes` ("13225;12452",
 * home ward first).
 *
 * Features with the same name are one street: their ways are joined where they share end points
 * (one LineString when they all connect, otherwise a MultiLineString), ward codes and old names are
 * united in order of appearance. Start and end are the first and last point of that geometry, length
 * the haversine length of all its parts.
 */
export interface StreetsOptions {
  wardCodes?: string[];
}

export const WARD_CODES_PROPERTY = 'pho_so:ward_codes';
export const WIKIDATA_PROPERTY = 'name:etymology:wikidata';

export const osmProvenance = (file: string): Provenance => ({
  source: `OpenStreetMap contributors (${fileLabel(file)})`,
  licence: 'ODbL 1.0',
  attribution: '© OpenStreetMap contributors',
  demo: [],
});

const position = z
  .array(z.number({ error: 'expected a number' }), { error: 'expected a position [longitude, latitude]' })
  .min(2, 'expected a position [longitude, latitude]')
  .max(3, 'expected a position [longitude, latitude] (optionally with elevation)')
  .refine(([lng = NaN, lat = NaN]) => lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90, 'longitude must be within ±180 and latitude within ±90 (GeoJSON order is [longitude, latitude])');
const line = z.array(position, { error: 'expected an array of positions' }).min(2, 'expected at least 2 points');
const lineStringCoordinates = line;
const multiLineStringCoordinates = z.array(line, { error: 'expected an array of lines' }).min(1, 'expected at least 1 line');

const featureSchema = z.object({
  type: z.literal('Feature', { error: 'expected "Feature"' }),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: z.object(
    {
      type: z.enum(['LineString', 'MultiLineString'], { error: 'expected a LineString or MultiLineString (export ways, not nodes or areas)' }),
      coordinates: z.unknown(),
    },
    { error: 'expected a LineString or MultiLineString geometry' },
  ),
  properties: z.looseObject(
    {
      name: z.string({ error: 'every feature needs a name (export named ways only, e.g. [highway][name] in Overpass)' }).refine((v) => oneLine(v) !== '', 'every feature needs a name'),
      old_name: z.string().optional(),
      [WIKIDATA_PROPERTY]: z.string().regex(/^Q\d+$/, 'expected one Wikidata id such as Q36014').optional(),
      [WARD_CODES_PROPERTY]: z.string().optional(),
      '@id': z.union([z.string(), z.number()]).optional(),
    },
    { error: 'expected the OSM tags as an object' },
  ),
});
type Feature = z.infer<typeof featureSchema>;

const collectionSchema = z.object({
  type: z.literal('FeatureCollection', { error: 'expected a GeoJSON FeatureCollection' }),
  features: z.array(z.unknown(), { error: 'expected an array of features' }),
});

interface ParsedFeature {
  line: number;
  name: string;
  oldNames: string[];
  wardCodes: string[];
  wikidataId: string | undefined;
  osmId: string | undefined;
  lines: Position[][];
}

export function parseOsmStreets(file: string, text: string, options: StreetsOptions = {}): Located<StreetRecord>[] {
  const { root, value } = parseJsonDocument(file, text);
  const collection = collectionSchema.safeParse(value);
  if (!collection.success) {
    const issue = collection.error.issues[0];
    const path = (issue?.path ?? []) as (string | number)[];
    throw new ImportRejected(file, lineAt(text, nodeAt(root, path).offset), path.join('.') || '(file)', issue?.message ?? 'not a FeatureCollection');
  }
  const features = collection.data.features.map((raw, index) => readFeature(file, text, root, index, raw, options));
  return groupByName(file, features);
}

function readFeature(file: string, text: string, root: Node, index: number, raw: unknown, options: StreetsOptions): ParsedFeature {
  const line = lineAt(text, nodeAt(root, ['features', index]).offset);
  const reject = (field: string, reason: string) => new ImportRejected(file, line, field, reason);
  const parsed = featureSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw reject((issue?.path ?? []).join('.') || '(feature)', issue?.message ?? 'not a GeoJSON feature');
  }
  const feature: Feature = parsed.data;
  const coordinates = (feature.geometry.type === 'LineString' ? lineStringCoordinates.transform((l) => [l]) : multiLineStringCoordinates).safeParse(
    feature.geometry.coordinates,
  );
  if (!coordinates.success) {
    const issue = coordinates.error.issues[0];
    throw reject(['geometry', 'coordinates', ...(issue?.path ?? [])].join('.'), issue?.message ?? 'bad coordinates');
  }
  const properties = feature.properties;
  const wardCodes = properties[WARD_CODES_PROPERTY] !== undefined ? splitList(properties[WARD_CODES_PROPERTY]) : (options.wardCodes ?? []);
  if (wardCodes.length === 0) throw reject(`properties.${WARD_CODES_PROPERTY}`, `no ward: pass --ward <GSO code> or set ${WARD_CODES_PROPERTY} on the feature`);
  const badWard = wardCodes.find((code) => !/^\d{5}$/.test(code));
  if (badWard !== undefined) throw reject(`properties.${WARD_CODES_PROPERTY}`, `"${badWard}" is not a 5-digit GSO ward code`);
  const name = oneLine(properties.name);
  const osmId = properties['@id'] ?? feature.id;
  return {
    line,
    name,
    oldNames: splitList(properties.old_name).map(oneLine),
    wardCodes,
    wikidataId: properties[WIKIDATA_PROPERTY],
    osmId: osmId === undefined ? undefined : String(osmId),
    lines: coordinates.data.map((l) => l.map(([lng, lat]) => [lng, lat] as Position)),
  };
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

function groupByName(file: string, features: ParsedFeature[]): Located<StreetRecord>[] {
  const groups = new Map<string, ParsedFeature[]>();
  const nameBySlug = new Map<string, ParsedFeature>();
  for (const feature of features) {
    const slug = slugify(feature.name);
    if (slug === '') throw new ImportRejected(file, feature.line, 'properties.name', `"${feature.name}" gives an empty slug`);
    // The shared schema sets no length; the street.slug column is varchar(120).
    if (slug.length > 120) throw new ImportRejected(file, feature.line, 'properties.name', `too long for a street name (slug over 120 characters)`);
    const sameSlug = nameBySlug.get(slug);
    if (sameSlug && sameSlug.name !== feature.name) {
      throw new ImportRejected(file, feature.line, 'properties.name', `"${feature.name}" and "${sameSlug.name}" (line ${sameSlug.line}) would share the slug "${slug}"`);
    }
    nameBySlug.set(slug, feature);
    groups.set(slug, [...(groups.get(slug) ?? []), feature]);
  }
  return [...groups.entries()].map(([slug, group]) => toRecord(file, slug, group));
}

function toRecord(file: string, slug: string, group: ParsedFeature[]): Located<StreetRecord> {
  const first = group[0] as ParsedFeature;
  const line = first.line;
  const wikidata = group.find((f) => f.wikidataId !== undefined);
  const conflict = group.find((f) => f.wikidataId !== undefined && f.wikidataId !== wikidata?.wikidataId);
  if (conflict && wikidata) {
    throw new ImportRejected(file, conflict.line, `properties.${WIKIDATA_PROPERTY}`, `${conflict.wikidataId} differs from ${wikidata.wikidataId} on the feature with the same name at line ${wikidata.line}`);
  }
  const parts = mergeLines(group.flatMap((f) => f.lines));
  const lengthM = Math.round(lengthMetres(parts));
  if (lengthM < 1) throw new ImportRejected(file, line, 'geometry.coordinates', 'the street has no length (all its points coincide)');
  const geometry: StreetGeometry = parts.length === 1 ? { type: 'LineString', coordinates: parts[0] as Position[] } : { type: 'MultiLineString', coordinates: parts };
  const firstPart = parts[0] as Position[];
  const lastPart = parts[parts.length - 1] as Position[];
  const [startLng, startLat] = firstPart[0] as Position;
  const [endLng, endLat] = lastPart[lastPart.length - 1] as Position;
  const provenance = osmProvenance(file);
  const osmIds = unique(group.flatMap((f) => (f.osmId ? [f.osmId] : [])));
  const namesake: Namesake | null = wikidata?.wikidataId
    ? {
        name: first.name,
        description: `Wikidata ${wikidata.wikidataId}`,
        wikidataId: wikidata.wikidataId,
        sourceUrl: `https://www.wikidata.org/wiki/${wikidata.wikidataId}`,
        provenance,
      }
    : null;
  const candidate = {
    slug,
    name: first.name,
    kind: 'named_street',
    oldNames: unique(group.flatMap((f) => f.oldNames)).filter((n) => n !== first.name),
    wardCodes: unique(group.flatMap((f) => f.wardCodes)),
    start: { description: 'Điểm đầu', point: { lat: startLat, lng: startLng } },
    end: { description: 'Điểm cuối', point: { lat: endLat, lng: endLng } },
    lengthM,
    geometry,
    namesake,
    namingAct: null,
    provenance: osmIds.length > 0 ? { ...provenance, note: `OSM ${osmIds.join(', ')}` } : provenance,
  };
  const fieldName = (path: (string | number)[]): string =>
    ({
      slug: 'properties.name',
      name: 'properties.name',
      oldNames: 'properties.old_name',
      wardCodes: `properties.${WARD_CODES_PROPERTY}`,
      namesake: `properties.${WIKIDATA_PROPERTY}`,
    })[String(path[0])] ?? 'geometry.coordinates';
  return { record: validateRecord(streetRecordSchema, candidate, file, line, fieldName), at: { file, line } };
}
