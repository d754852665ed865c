/** A GeoJSON position: [longitude, latitude] in WGS84. */
export type Position = [number, number];

const EARTH_RADIUS_M = 6_371_008.8; // IUGG mean radius

/** Great-circle distance in metres between two [lng, lat] positions (haversine). */
export function haversineMetres([lng1, lat1]: Position, [lng2, lat2]: Position): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Length in metres of a line or of all the parts of a multi-line. */
export function lengthMetres(parts: Position[][]): number {
  let total = 0;
  for (const part of parts) for (let i = 1; i < part.length; i++) total += haversineMetres(part[i - 1] as Position, part[i] as Position);
  return total;
}

const same = (a: Position | undefined, b: Position | undefined) => a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/**
 * Joins lines that share an end point into longer lines, keeping their order of appearance where it
 * can (OpenStreetMap splits one street into many ways, each an end-to-end piece). Lines are reversed
 * when needed to join; lines that touch nothing stay separate parts. Purely topological: only exactly
 * equal end points join, as they do for the shared nodes of OSM ways.
 */
export function mergeLines(lines: Position[][]): Position[][] {
  const parts = lines.filter((l) => l.length > 0).map((l) => [...l]);
  let joined = true;
  while (joined) {
    joined = false;
    for (let i = 0; i < parts.length && !joined; i++) {
      for (let j = i + 1; j < parts.length && !joined; j++) {
        const a = parts[i] as Position[];
        const b = parts[j] as Position[];
        let merged: Position[] | null = null;
        if (same(a[a.length - 1], b[0])) merged = [...a, ...b.slice(1)];
        else if (same(b[b.length - 1], a[0])) merged = [...b, ...a.slice(1)];
        else if (same(a[a.length - 1], b[b.length - 1])) merged = [...a, ...[...b].reverse().slice(1)];
        else if (same(a[0], b[0])) merged = [...[...a].reverse(), ...b.slice(1)];
        if (merged) {
          parts[i] = merged;
          parts.splice(j, 1);
          joined = true;
        }
      }
    }
  }
  return parts;
}
