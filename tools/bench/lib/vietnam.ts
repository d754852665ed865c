import type { SeededRandom } from './prng';

/**
 * A rough outline of mainland Vietnam, [lng, lat], hand-traced to within ~20 km from well-known
 * places (Lũng Cú, Móng Cái, Đà Nẵng, Mũi Cà Mau, Hà Tiên, the Lao and Cambodian borders). Islands
 * are left out. Good enough to keep synthetic points on land, not for anything cartographic.
 */
export const VIETNAM_OUTLINE: readonly (readonly [number, number])[] = [
  [102.14, 22.4], [102.5, 22.75], [103.2, 22.8], [103.95, 22.5], [104.4, 22.8], [105.33, 23.39],
  [106.1, 22.95], [106.7, 22.85], [106.75, 22.4], [107.35, 21.85], [107.97, 21.53],
  // coast, north to south
  [107.35, 21.05], [106.8, 20.7], [106.6, 20.35], [106.2, 19.95], [105.85, 19.4], [105.7, 18.85],
  [106.1, 18.3], [106.55, 17.7], [107.1, 17.05], [107.7, 16.5], [108.25, 16.05], [108.75, 15.35],
  [109.1, 14.4], [109.25, 13.75], [109.45, 12.85], [109.2, 12.25], [109.2, 11.6], [108.6, 11.05],
  [108.0, 10.75], [107.2, 10.35], [106.75, 10.0], [106.25, 9.4], [105.6, 8.95], [104.8, 8.58],
  [104.8, 9.6], [104.9, 10.2], [104.45, 10.42],
  // Cambodian and Lao borders, south to north
  [105.1, 10.95], [105.85, 11.0], [106.0, 11.75], [106.45, 11.98], [107.55, 12.3], [107.55, 13.0],
  [107.45, 14.0], [107.55, 14.7], [107.2, 15.4], [107.0, 16.2], [106.6, 16.5], [106.0, 17.3],
  [105.6, 18.0], [105.1, 18.7], [103.9, 19.3], [104.1, 19.9], [104.4, 20.4], [103.7, 20.7],
  [103.2, 20.9], [102.9, 21.3], [102.5, 22.0],
];

/**
 * Approximate centre [lat, lng] of each of the 34 provinces after the 2025 reform, by GSO province
 * code (the code of the unit that absorbed the others). Communes are placed around their province's
 * centre, so the synthetic points are dense where the real communes are (the deltas) and sparse in
 * the highlands, as in reality.
 */
export const PROVINCE_CENTRES: Readonly<Record<string, readonly [number, number]>> = {
  '01': [21.03, 105.85], '04': [22.67, 106.25], '08': [22.3, 105.1], '11': [21.6, 103.0],
  '12': [22.3, 103.2], '14': [21.2, 104.0], '15': [22.0, 104.3], '19': [21.9, 105.9],
  '20': [21.85, 106.6], '22': [21.1, 107.3], '24': [21.3, 106.3], '25': [21.1, 105.2],
  '31': [20.9, 106.5], '33': [20.6, 106.2], '37': [20.3, 106.0], '38': [19.9, 105.5],
  '40': [19.2, 104.9], '42': [18.3, 105.8], '44': [17.2, 106.6], '46': [16.4, 107.5],
  '48': [15.7, 108.0], '51': [14.8, 108.4], '52': [14.0, 108.5], '56': [12.0, 109.0],
  '66': [12.9, 108.4], '68': [11.6, 108.0], '75': [11.3, 107.0], '79': [10.9, 106.7],
  '80': [10.8, 106.2], '82': [10.4, 105.9], '86': [10.0, 106.2], '91': [10.2, 105.0],
  '92': [9.8, 105.8], '96': [9.1, 105.2],
};

export interface LatLng {
  lat: number;
  lng: number;
}

/** Ray casting on [lng, lat] vertices. */
export function onLand({ lat, lng }: LatLng): boolean {
  let inside = false;
  const poly = VIETNAM_OUTLINE;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i] as readonly [number, number];
    const [xj, yj] = poly[j] as readonly [number, number];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A point normally distributed around `centre` (sigma in degrees), redrawn until it is on land. */
export function pointNear(random: SeededRandom, centre: LatLng, sigmaDeg: number): LatLng {
  for (let attempt = 0; attempt < 200; attempt++) {
    const p = { lat: centre.lat + random.gaussian() * sigmaDeg, lng: centre.lng + random.gaussian() * sigmaDeg };
    if (onLand(p)) return round(p);
  }
  return round(centre);
}

const round = (p: LatLng): LatLng => ({ lat: Math.round(p.lat * 1e6) / 1e6, lng: Math.round(p.lng * 1e6) / 1e6 });

const EARTH_RADIUS_M = 6_371_000;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function haversineM(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

/** The point halfway along a GeoJSON LineString's coordinates ([lng, lat] pairs). */
export function midpointAlong(coordinates: readonly (readonly number[])[]): LatLng {
  const points = coordinates.map(([lng, lat]) => ({ lat: lat as number, lng: lng as number }));
  if (points.length === 0) throw new Error('empty line');
  const segments = points.slice(1).map((p, i) => haversineM(points[i] as LatLng, p));
  let remaining = segments.reduce((s, x) => s + x, 0) / 2;
  for (let i = 0; i < segments.length; i++) {
    const length = segments[i] as number;
    if (remaining <= length && length > 0) {
      const a = points[i] as LatLng;
      const b = points[i + 1] as LatLng;
      const t = remaining / length;
      return { lat: a.lat + (b.lat - a.lat) * t, lng: a.lng + (b.lng - a.lng) * t };
    }
    remaining -= length;
  }
  return points[points.length - 1] as LatLng;
}
