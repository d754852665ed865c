import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface ProcedureNoteRecord {
  procedureCode: string;
  wardId: number;
  note: string;
  /** 0: no note yet. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Queries of the per-ward procedure notes. */
@Injectable()
export class ProcedureNoteRepository {
  /** The procedure's id, or null when no procedure has this code. */
  async procedureId(manager: EntityManager, code: string): Promise<string | null> {
    const [row]: { id: string }[] = await manager.query(`SELECT id FROM procedure WHERE code = $1`, [code]);
    return row?.id ?? null;
  }

  /** Whether this is a current (not dissolved) administrative unit. */
  async wardExists(manager: EntityManager, wardId: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM administrative_unit WHERE id = $1 AND valid_to IS NULL`, [wardId]);
    return rows.length > 0;
  }

  async find(manager: EntityManager, procedureId: string, code: string, wardId: number): Promise<ProcedureNoteRecord> {
    const [row]: { note: string; version: number; updated_at: Date; updated_by: string | null }[] = await manager.query(
      `SELECT note, version, updated_at, updated_by FROM procedure_local_note WHERE procedure_id = $1 AND ward_id = $2`,
      [procedureId, wardId],
    );
    return row
      ? { procedureCode: code, wardId, note: row.note, version: Number(row.version), updatedAt: row.updated_at.toISOString(), updatedBy: row.updated_by }
      : { procedureCode: code, wardId, note: '', version: 0, updatedAt: null, updatedBy: null };
  }

  /** Creates the note if none exists yet: false when another official created it first. */
  async insertIfAbsent(manager: EntityManager, procedureId: string, wardId: number, note: string, actorId: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO procedure_local_note (procedure_id, ward_id, note, version, updated_at, updated_by) VALUES ($1, $2, $3, 1, $4, $5)
       ON CONFLICT (procedure_id, ward_id) DO NOTHING RETURNING version`,
      [procedureId, wardId, note, at, actorId],
    );
    return rows.length > 0;
  }

  /** `UPDATE … WHERE version = $n`: the new version, or null when stale. */
  async updateIfVersion(manager: EntityManager, procedureId: string, wardId: number, baseVersion: number, note: string, actorId: string, at: Date): Promise<number | null> {
    const result: unknown[] = await manager.query(
      `UPDATE procedure_local_note SET note = $4, version = version + 1, updated_at = $5, updated_by = $6
        WHERE procedure_id = $1 AND ward_id = $2 AND version = $3 RETURNING version`,
      [procedureId, wardId, baseVersion, note, at, actorId],
    );
    const rows = (Array.isArray(result[0]) ? result[0] : result) as { version: number }[];
    return rows.length > 0 ? Number(rows[0]!.version) : null;
  }
}
