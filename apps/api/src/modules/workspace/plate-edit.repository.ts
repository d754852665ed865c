import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WardScope } from './actor';
import { updateIfVersion, type SetColumn } from './versioned-update';

export interface PlateValues {
  status: 'active' | 'damaged' | 'missing' | 'removed';
  location: { lat: number; lng: number } | null;
  positionDescription: string;
}

export interface PlateRecord extends PlateValues {
  id: string;
  code: string;
  streetSlug: string;
  version: number;
}

export interface PlateListRow {
  id: string;
  code: string;
  streetId: string;
  streetSlug: string;
  streetName: string;
  status: PlateValues['status'];
  version: number;
  /** Scans of the plate's code on the last 30 days (scan_count), today included. */
  scans30d: number;
}

/** Queries of the plate editor: a plate is in scope when any ward of its street is. */
@Injectable()
export class PlateEditRepository {
  async findInScope(manager: EntityManager, id: string, scope: WardScope): Promise<PlateRecord | null> {
    const [row]: {
      id: string;
      code: string;
      slug: string;
      version: number;
      status: PlateValues['status'];
      lat: number | null;
      lng: number | null;
      position_description: string;
    }[] = await manager.query(
      `SELECT p.id, p.code, s.slug, p.version, p.status, p.lat, p.lng, p.position_description
         FROM plate p JOIN street s ON s.id = p.street_id
        WHERE p.id = $1 AND ($2::boolean OR EXISTS (SELECT 1 FROM street_ward sw WHERE sw.street_id = p.street_id AND sw.ward_id = ANY($3::int[])))`,
      [id, scope.all, scope.wardIds],
    );
    if (!row) return null;
    return {
      id: row.id,
      code: row.code,
      streetSlug: row.slug,
      version: Number(row.version),
      status: row.status,
      location: row.lat === null || row.lng === null ? null : { lat: Number(row.lat), lng: Number(row.lng) },
      positionDescription: row.position_description,
    };
  }

  updateIfVersion(manager: EntityManager, id: string, baseVersion: number, values: SetColumn[]): Promise<number | null> {
    return updateIfVersion(manager, 'plate', id, baseVersion, values);
  }

  /** The plates of the streets in scope, with their scans since `sinceDay` (YYYY-MM-DD, inclusive). */
  async listInScope(manager: EntityManager, scope: WardScope, sinceDay: string): Promise<PlateListRow[]> {
    const rows: { id: string; code: string; street_id: string; slug: string; street_name: string; status: PlateValues['status']; version: number; scans: string | number }[] =
      await manager.query(
        `SELECT p.id, p.code, s.id AS street_id, s.slug, s.name AS street_name, p.status, p.version,
                COALESCE((SELECT SUM(sc.count) FROM scan_count sc WHERE sc.plate_code = p.code AND sc.day >= $3::date), 0) AS scans
           FROM plate p JOIN street s ON s.id = p.street_id
          WHERE $1::boolean OR EXISTS (SELECT 1 FROM street_ward sw WHERE sw.street_id = p.street_id AND sw.ward_id = ANY($2::int[]))
          ORDER BY s.slug, p.code`,
        [scope.all, scope.wardIds, sinceDay],
      );
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      streetId: row.street_id,
      streetSlug: row.slug,
      streetName: row.street_name,
      status: row.status,
      version: Number(row.version),
      scans30d: Number(row.scans),
    }));
  }
}
