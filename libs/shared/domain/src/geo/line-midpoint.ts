/** A point as the API speaks it. */
export interface LatLngPoint {
  lat: number;
  lng: number;
}

/** A GeoJSON position: [longitude, latitude], WGS84. */
export type LngLatPosition = readonly [number, number];

/** The line shapes a street can have (GeoJSON LineString or MultiLineString). */
export type LineGeometry =
  | { type: 'LineString'; coordinates: readonly LngLatPosition[] }
  | { type: 'MultiLineString'; coordinates: readonly (readonly LngLatPosition[])[] };

/** Mean earth radius (IUGG), the sphere the dataset tools measured street lengths on. */
export const EARTH_RADIUS_M = 6_371_008.8;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres between two points (haversine formula on a sphere). */
export function haversineMetres(a: LatLngPoint, b: LatLngPoint): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

const toPoint = ([lng, lat]: LngLatPosition): LatLngPoint => ({ lat, lng });

/** Length of a line in metres, the sum of its segments' great-circle lengths (parts of a multi-line added up). */
export function lineLengthMetres(geometry: LineGeometry): number {
  let total = 0;
  for (const part of partsOf(geometry)) {
    for (let i = 1; i < part.length; i++) total += haversineMetres(toPoint(part[i - 1]!), toPoint(part[i]!));
  }
  return total;
}

/**
 * The point half-way along a line, measured along the line (not the centre of its bounding box, and
 * not its middle vertex): walking from the first position, the point where half the length is behind.
 * The parts of a MultiLineString are walked in order, without the gaps between them. Inside the segment
 * that holds the half-way mark the point is interpolated linearly in latitude and longitude, which at
 * street scale (segments of metres to a few kilometres) is within centimetres of the great-circle point.
 * A line of zero length gives its first position; a line with no positions gives null.
 */
export function lineMidpoint(geometry: LineGeometry): LatLngPoint | null {
  const parts = partsOf(geometry).filter((part) => part.length > 0);
  const first = parts[0]?.[0];
  if (!first) return null;
  const half = lineLengthMetres(geometry) / 2;
  if (half === 0) return toPoint(first);
  let walked = 0;
  for (const part of parts) {
    for (let i = 1; i < part.length; i++) {
      const from = toPoint(part[i - 1]!);
      const to = toPoint(part[i]!);
      const segment = haversineMetres(from, to);
      if (segment > 0 && walked + segment >= half) {
        const t = (half - walked) / segment;
        return { lat: from.lat + (to.lat - from.lat) * t, lng: from.lng + (to.lng - from.lng) * t };
      }
      walked += segment;
    }
  }
  // Only reachable through rounding at the very end of the line.
  const lastPart = parts[parts.length - 1]!;
  return toPoint(lastPart[lastPart.length - 1]!);
}

function partsOf(geometry: LineGeometry): readonly (readonly LngLatPosition[])[] {
  return geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
}
