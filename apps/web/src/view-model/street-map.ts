// The street page's small map: the street's line, the scanned plate and the numbered service points,
// projected onto an SVG canvas. No tile server: the sketch is a few hundred bytes of inline SVG, and a
// link opens the real map on OpenStreetMap.
import type { LatLngPoint, LineGeometry } from '@pho-so/shared/domain';

export interface MapMarker {
  label: string;
  x: number;
  y: number;
}

export interface StreetMapSketch {
  width: number;
  height: number;
  /** SVG path data of the street, one subpath per line of the geometry. */
  streetPath: string | null;
  plate: MapMarker | null;
  servicePoints: MapMarker[];
}

export interface StreetMapInput {
  geometry: LineGeometry | null;
  /** Used for the street when there is no geometry: a straight line between its ends. */
  ends: LatLngPoint[];
  plate: LatLngPoint | null;
  servicePoints: Array<{ label: string; point: LatLngPoint }>;
}

const WIDTH = 320;
const HEIGHT = 200;
const PADDING = 18;
/** Below this span (degrees, ~110 m) a map would zoom absurdly on a single point. */
const MIN_SPAN_DEG = 0.001;

const round = (value: number): number => Math.round(value * 10) / 10;

function streetLines(input: StreetMapInput): ReadonlyArray<readonly (readonly [number, number])[]> {
  if (input.geometry?.type === 'LineString') return [input.geometry.coordinates];
  if (input.geometry?.type === 'MultiLineString') return input.geometry.coordinates;
  return input.ends.length >= 2 ? [input.ends.map((p) => [p.lng, p.lat] as const)] : [];
}

/** Null when there is nothing to place (no line, no plate, no point). */
export function sketchStreetMap(input: StreetMapInput): StreetMapSketch | null {
  const lines = streetLines(input);
  const positions: Array<readonly [number, number]> = [
    ...lines.flat(),
    ...(input.plate ? [[input.plate.lng, input.plate.lat] as const] : []),
    ...input.servicePoints.map(({ point }) => [point.lng, point.lat] as const),
  ];
  if (positions.length === 0) return null;

  const lngs = positions.map(([lng]) => lng);
  const lats = positions.map(([, lat]) => lat);
  const centreLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const centreLng = (Math.min(...lngs) + Math.max(...lngs)) / 2;
  // Equirectangular: a degree of longitude is cos(latitude) of a degree of latitude; plenty for a few km.
  const lngScale = Math.cos((centreLat * Math.PI) / 180);
  const spanX = Math.max((Math.max(...lngs) - Math.min(...lngs)) * lngScale, MIN_SPAN_DEG);
  const spanY = Math.max(Math.max(...lats) - Math.min(...lats), MIN_SPAN_DEG);
  const scale = Math.min((WIDTH - 2 * PADDING) / spanX, (HEIGHT - 2 * PADDING) / spanY);
  const project = (lng: number, lat: number): { x: number; y: number } => ({
    x: round(WIDTH / 2 + (lng - centreLng) * lngScale * scale),
    y: round(HEIGHT / 2 - (lat - centreLat) * scale),
  });

  const streetPath =
    lines
      .filter((line) => line.length >= 2)
      .map((line) =>
        line
          .map(([lng, lat], index) => {
            const { x, y } = project(lng, lat);
            return `${index === 0 ? 'M' : 'L'}${x} ${y}`;
          })
          .join(''),
      )
      .join('') || null;

  return {
    width: WIDTH,
    height: HEIGHT,
    streetPath,
    plate: input.plate ? { label: '', ...project(input.plate.lng, input.plate.lat) } : null,
    servicePoints: input.servicePoints.map(({ label, point }) => ({ label, ...project(point.lng, point.lat) })),
  };
}

/** OpenStreetMap centred on a point, with a marker. */
export function openStreetMapUrl(point: LatLngPoint, zoom = 16): string {
  const lat = point.lat.toFixed(6);
  const lng = point.lng.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=${zoom}/${lat}/${lng}`;
}
