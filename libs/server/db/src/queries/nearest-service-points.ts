import type { EntityManager } from 'typeorm';

export interface NearestServicePointRow {
  id: string;
  distanceM: number;
}

/**
 * The service points nearest to a point, nearest first, with the great-circle distance in metres.
 *
 * Ordering by `earth_point(lat, lng) <-> ll_to_earth(:lat, :lng)` (cube's Euclidean distance between
 * points on the earth sphere, which orders exactly like great-circle distance) lets Postgres walk the
 * GiST index `IDX_service_point_earth` nearest-first (KNN) and stop after `limit` rows, so the cost
 * does not grow with the number of service points. `earth_point` is `ll_to_earth` with schema-qualified
 * names, so the index survives pg_restore (migration 1764307200000). The same SQL runs on PGlite.
 */
export async function nearestServicePoints(
  manager: EntityManager,
  from: { lat: number; lng: number },
  limit: number,
): Promise<NearestServicePointRow[]> {
  const rows: { id: string; distance_m: number | string }[] = await manager.query(
    `SELECT id, earth_distance(ll_to_earth(lat, lng), ll_to_earth($1, $2)) AS distance_m
       FROM service_point
      ORDER BY earth_point(lat, lng) <-> ll_to_earth($1, $2)
      LIMIT $3`,
    [from.lat, from.lng, limit],
  );
  return rows.map((row) => ({ id: row.id, distanceM: Number(row.distance_m) }));
}
