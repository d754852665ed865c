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
}
