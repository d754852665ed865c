import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditEntry } from '@pho-so/shared/contracts';
import type { Actor } from './actor';
import type { EditableEntityType } from './workspace.errors';

export interface FieldChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

export type { AuditEntry };

/** Canonical JSON (object keys sorted), so two values compare equal exactly when they mean the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** The fields of `next` whose value differs from `current` (fields `next` leaves undefined are not edited). */
export function changedFields<T extends object>(current: T, next: Partial<T>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, newValue] of Object.entries(next)) {
    if (newValue === undefined) continue;
    const oldValue = (current as Record<string, unknown>)[field];
    if (canonicalJson(oldValue ?? null) !== canonicalJson(newValue)) changes.push({ field, oldValue: oldValue ?? null, newValue });
  }
  return changes;
}

/** The append-only audit trail of edits: written in the edit's own transaction, read per record. */
@Injectable()
export class AuditRepository {
  /** One row per changed field, old → new, in the caller's transaction. */
  async record(
    manager: EntityManager,
    entry: { actor: Actor; action: string; entityType: EditableEntityType; entityId: string; changes: FieldChange[]; requestId?: string | undefined; at: Date },
  ): Promise<void> {
    if (entry.changes.length === 0) return;
    const params: unknown[] = [entry.at, entry.actor.id, entry.actor.email, entry.action, entry.entityType, entry.entityId, entry.requestId ?? null];
    const rows = entry.changes.map((change) => {
      params.push(change.field, JSON.stringify(change.oldValue ?? null), JSON.stringify(change.newValue ?? null));
      const n = params.length;
      return `($1, $2, $3, $4, $5, $6, $${n - 2}, $${n - 1}::jsonb, $${n}::jsonb, $7)`;
    });
    await manager.query(
      `INSERT INTO audit_event (occurred_at, actor_id, actor_label, action, entity_type, entity_id, field, old_value, new_value, request_id)
       VALUES ${rows.join(', ')}`,
      params,
    );
  }

  /** Every audit event of one record, oldest first. */
  async history(manager: EntityManager, entityType: EditableEntityType, entityId: string): Promise<AuditEntry[]> {
    const rows: {
      occurred_at: Date;
      actor_id: string | null;
      actor_label: string;
      action: string;
      field: string | null;
      old_value: unknown;
      new_value: unknown;
      request_id: string | null;
    }[] = await manager.query(
      `SELECT occurred_at, actor_id, actor_label, action, field, old_value, new_value, request_id
         FROM audit_event WHERE entity_type = $1 AND entity_id = $2 ORDER BY occurred_at, id`,
      [entityType, entityId],
    );
    return rows.map((row) => ({
      at: row.occurred_at.toISOString(),
      actorId: row.actor_id,
      actorLabel: row.actor_label,
      action: row.action,
      field: row.field,
      oldValue: row.old_value,
      newValue: row.new_value,
      requestId: row.request_id,
    }));
  }
}
