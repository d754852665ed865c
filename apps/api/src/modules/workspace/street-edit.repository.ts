import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Namesake } from '@pho-so/shared/contracts';
import type { WardScope } from './actor';
import { updateIfVersion, type SetColumn } from './versioned-update';

export interface StreetValues {
  startDescription: string | null;
  endDescription: string | null;
  /** The namesake as officials edit it: its text and where the text comes from. */
  namesake: { text: string; source: string } | null;
}

export interface StreetRecord extends StreetValues {
  id: string;
  slug: string;
  name: string;
  version: number;
  wardIds: number[];
  plateCodes: string[];
  storedNamesake: Namesake | null;
}

/** Queries of the street editor: a street is in scope when any of its wards is. */
@Injectable()
export class StreetEditRepository {
  async findInScope(manager: EntityManager, id: string, scope: WardScope): Promise<StreetRecord | null> {
    const [row]: {
      id: string;
      slug: string;
      name: string;
      version: number;
      start_description: string | null;
      end_description: string | null;
      namesake: Namesake | null;
      ward_ids: number[];
      plate_codes: string[];
    }[] = await manager.query(
      `SELECT s.id, s.slug, s.name, s.version, s.start_description, s.end_description, s.namesake,
              COALESCE((SELECT array_agg(sw.ward_id ORDER BY sw.ordinal) FROM street_ward sw WHERE sw.street_id = s.id), '{}') AS ward_ids,
              COALESCE((SELECT array_agg(p.code ORDER BY p.code) FROM plate p WHERE p.street_id = s.id), '{}') AS plate_codes
         FROM street s
        WHERE s.id = $1 AND ($2::boolean OR EXISTS (SELECT 1 FROM street_ward sw WHERE sw.street_id = s.id AND sw.ward_id = ANY($3::int[])))`,
      [id, scope.all, scope.wardIds],
    );
    if (!row) return null;
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      version: Number(row.version),
      startDescription: row.start_description,
      endDescription: row.end_description,
      namesake: row.namesake ? { text: row.namesake.description, source: row.namesake.provenance.source } : null,
      storedNamesake: row.namesake,
      wardIds: row.ward_ids.map(Number),
      plateCodes: row.plate_codes,
    };
  }

  updateIfVersion(manager: EntityManager, id: string, baseVersion: number, values: SetColumn[]): Promise<number | null> {
    return updateIfVersion(manager, 'street', id, baseVersion, values);
  }
}
