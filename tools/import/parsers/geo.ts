import { lineLengthMetres } from '@pho-so/shared/domain';

/** A GeoJSON position: [longitude, latitude] in WGS84. */
export type Position = [number, number];

/** Length in metres of a line or of all the parts of a multi-line. */
export function lengthMetres(parts: Position[][]): number {
  return lineLengthMetres({ type: 'MultiLineString', coordinates: parts });
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
