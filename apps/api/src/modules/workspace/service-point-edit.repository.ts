import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ClosureInput, MyServicePoint, Provenance, ServicePointValues, WorkspaceServicePoint } from '@pho-so/shared/contracts';
import type { WardScope } from './actor';
import { updateIfVersion, type SetColumn } from './versioned-update';

export type { ServicePointValues };

export interface ServicePointRecord extends WorkspaceServicePoint {
  provenance: Provenance;
}

/** A "my service points" line as the database gives it: the answer's shape, with dates still dates. */
export interface ServicePointListRow extends Omit<MyServicePoint, 'lastConfirmedAt' | 'updatedAt' | 'stale'> {
  lastConfirmedAt: Date | null;
  updatedAt: Date;
}

export type ColumnValue = SetColumn;

interface Row {
  id: string;
  ward_id: number | null;
  name: string;
  address: string;
  lat: number;
  lng: number;
  phone: string | null;
  email: string | null;
  opening_hours: string;
  accessibility_notes: string;
  procedures_not_accepted: string[];
  version: number;
  last_confirmed_at: Date | null;
  last_confirmed_by: string | null;
  provenance: Provenance;
}

/** Queries of the service-point editor; every read takes the actor's ward scope. No business rules. */
@Injectable()
export class ServicePointEditRepository {
  /** The point with its closures, or null when it does not exist or lies outside `scope`. */
  async findInScope(manager: EntityManager, id: string, scope: WardScope): Promise<ServicePointRecord | null> {
    const [row]: Row[] = await manager.query(
      `SELECT id, ward_id, name, address, lat, lng, phone, email, opening_hours, accessibility_notes, procedures_not_accepted,
              version, last_confirmed_at, last_confirmed_by, provenance
         FROM service_point WHERE id = $1 AND ($2::boolean OR ward_id = ANY($3::int[]))`,
      [id, scope.all, scope.wardIds],
    );
    if (!row) return null;
    const closures: { from: string; to: string; reason: string }[] = await manager.query(
      `SELECT starts_on::text AS "from", ends_on::text AS "to", reason FROM service_point_closure
        WHERE service_point_id = $1 ORDER BY starts_on, ends_on, reason`,
      [id],
    );
    return {
      id: row.id,
      wardId: row.ward_id === null ? null : Number(row.ward_id),
      name: row.name,
      address: row.address,
      location: { lat: Number(row.lat), lng: Number(row.lng) },
      phone: row.phone,
      email: row.email,
      openingHours: row.opening_hours,
      closures,
      accessibilityNotes: row.accessibility_notes,
      proceduresNotAccepted: [...row.procedures_not_accepted].sort(),
      version: Number(row.version),
      lastConfirmedAt: row.last_confirmed_at ? row.last_confirmed_at.toISOString() : null,
      lastConfirmedBy: row.last_confirmed_by,
      provenance: row.provenance,
    };
  }

  /** `UPDATE service_point … WHERE id = $1 AND version = $2`: the new version, or null when stale. */
  updateIfVersion(manager: EntityManager, id: string, baseVersion: number, values: ColumnValue[]): Promise<number | null> {
    return updateIfVersion(manager, 'service_point', id, baseVersion, values);
  }

  async replaceClosures(manager: EntityManager, id: string, closures: readonly ClosureInput[], actorId: string): Promise<void> {
    await manager.query(`DELETE FROM service_point_closure WHERE service_point_id = $1`, [id]);
    for (const closure of closures) {
      await manager.query(
        `INSERT INTO service_point_closure (service_point_id, starts_on, ends_on, reason, created_by) VALUES ($1, $2, $3, $4, $5)`,
        [id, closure.from, closure.to, closure.reason, actorId],
      );
    }
  }

  /** Of these codes, those of procedures in the catalogue. */
  async knownProcedureCodes(manager: EntityManager, codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows: { code: string }[] = await manager.query(`SELECT code FROM procedure WHERE code = ANY($1::text[])`, [codes]);
    return new Set(rows.map((row) => row.code));
  }

  async listInScope(manager: EntityManager, scope: WardScope): Promise<ServicePointListRow[]> {
    const rows: {
      id: string;
      key: string;
      name: string;
      ward_id: number | null;
      ward_code: string | null;
      ward_name: string | null;
      version: number;
      last_confirmed_at: Date | null;
      last_confirmed_by: string | null;
      updated_at: Date;
    }[] = await manager.query(
      `SELECT sp.id, sp.key, sp.name, sp.ward_id, au.code AS ward_code, au.name AS ward_name, sp.version,
              sp.last_confirmed_at, o.display_name AS last_confirmed_by, sp.updated_at
         FROM service_point sp
         LEFT JOIN administrative_unit au ON au.id = sp.ward_id
         LEFT JOIN official o ON o.id = sp.last_confirmed_by
        WHERE $1::boolean OR sp.ward_id = ANY($2::int[])
        ORDER BY au.code NULLS LAST, sp.name, sp.id`,
      [scope.all, scope.wardIds],
    );
    return rows.map((row) => ({
      id: row.id,
      key: row.key,
      name: row.name,
      wardId: row.ward_id === null ? null : Number(row.ward_id),
      wardCode: row.ward_code,
      wardName: row.ward_name,
      version: Number(row.version),
      lastConfirmedAt: row.last_confirmed_at,
      lastConfirmedBy: row.last_confirmed_by,
      updatedAt: row.updated_at,
    }));
  }
}
