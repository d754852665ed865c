import type { EntityManager } from 'typeorm';

/** A column to set in a conditional update, with the SQL cast its parameter needs. */
export interface SetColumn {
  column: string;
  value: unknown;
  cast?: 'jsonb';
}

/**
 * `UPDATE <table> SET … , version = version + 1 WHERE id = $1 AND version = $2 RETURNING version`:
 * the new version, or null when the row is no longer at `baseVersion` (another edit committed first).
 * `table` and columns are the callers' constants, never input.
 */
export async function updateIfVersion(manager: EntityManager, table: string, id: string, baseVersion: number, values: SetColumn[]): Promise<number | null> {
  const sets = values.map((v, i) => `"${v.column}" = $${i + 3}${v.cast ? `::${v.cast}` : ''}`);
  const result: unknown[] = await manager.query(
    `UPDATE "${table}" SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2 RETURNING version`,
    [id, baseVersion, ...values.map((v) => (v.cast === 'jsonb' ? JSON.stringify(v.value) : v.value))],
  );
  // TypeORM answers [rows, affected] for UPDATE … RETURNING on Postgres.
  const rows = (Array.isArray(result[0]) ? result[0] : result) as { version: number }[];
  return rows.length > 0 ? Number(rows[0]!.version) : null;
}
