import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkspaceAccount } from '@pho-so/shared/contracts';

/** An account as the admin pages list it (never the password hash). */
export type AccountRow = WorkspaceAccount;

export interface AccountAudit {
  actorId: string;
  actorLabel: string;
  action: 'account_created' | 'account_updated' | 'account_password_set';
  entityId: string;
  field: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  requestId: string | null;
  at: Date;
}

interface RawAccount {
  id: string;
  email: string;
  display_name: string;
  role: 'admin' | 'ward_editor';
  disabled_at: Date | null;
  created_at: Date;
  last_login_at: Date | null;
  wards: Array<{ code: string; name: string }> | string | null;
}

const SELECT_ACCOUNTS = `
  SELECT o.id, o.email, o.display_name, o.role, o.disabled_at, o.created_at,
         (SELECT max(a.occurred_at) FROM audit_event a WHERE a.actor_id = o.id AND a.action = 'login') AS last_login_at,
         (SELECT coalesce(json_agg(json_build_object('code', u.code, 'name', u.name) ORDER BY u.code), '[]'::json)
            FROM official_ward_scope s JOIN administrative_unit u ON u.id = s.ward_id
           WHERE s.official_id = o.id) AS wards
    FROM official o`;

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

function toRow(raw: RawAccount): AccountRow {
  const wards = typeof raw.wards === 'string' ? (JSON.parse(raw.wards) as AccountRow['wards']) : (raw.wards ?? []);
  return {
    id: raw.id,
    email: raw.email,
    displayName: raw.display_name,
    role: raw.role,
    wards,
    disabled: raw.disabled_at !== null,
    disabledAt: iso(raw.disabled_at),
    lastLoginAt: iso(raw.last_login_at),
    createdAt: iso(raw.created_at)!,
  };
}

/** Storage of officials' accounts for the admin endpoints; no rules here (AccountsService has them). */
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async list(): Promise<AccountRow[]> {
    const rows: RawAccount[] = await this.dataSource.query(`${SELECT_ACCOUNTS} ORDER BY o.role, o.email`);
    return rows.map(toRow);
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<AccountRow | null> {
    const [row] = (await manager.query(`${SELECT_ACCOUNTS} WHERE o.id = $1`, [id])) as RawAccount[];
    return row ? toRow(row) : null;
  }

  /** Locks the account row for an update in this transaction. */
  async lock(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT id FROM official WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length > 0;
  }

  async emailExists(manager: EntityManager, email: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM official WHERE email = $1`, [email]);
    return rows.length > 0;
  }

  /** Current wards by GSO code: the ids found, and the codes that are not current units. */
  async wardIdsOf(manager: EntityManager, codes: readonly string[]): Promise<{ ids: number[]; unknown: string[] }> {
    if (codes.length === 0) return { ids: [], unknown: [] };
    const rows: { id: number | string; code: string }[] = await manager.query(
      `SELECT id, code FROM administrative_unit WHERE valid_to IS NULL AND code = ANY($1)`,
      [codes],
    );
    const byCode = new Map(rows.map((r) => [r.code, Number(r.id)]));
    return { ids: codes.filter((c) => byCode.has(c)).map((c) => byCode.get(c)!), unknown: codes.filter((c) => !byCode.has(c)) };
  }

  async insert(manager: EntityManager, input: { email: string; displayName: string; role: string; passwordHash: string; at: Date }): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO official (email, display_name, role, password_hash, password_changed_at, disabled_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, NULL, $5, $5) RETURNING id`,
      [input.email, input.displayName, input.role, input.passwordHash, input.at],
    )) as { id: string }[];
    return row!.id;
  }

  async setWards(manager: EntityManager, officialId: string, wardIds: readonly number[]): Promise<void> {
    await manager.query(`DELETE FROM official_ward_scope WHERE official_id = $1`, [officialId]);
    for (const wardId of wardIds) await manager.query(`INSERT INTO official_ward_scope (official_id, ward_id) VALUES ($1, $2)`, [officialId, wardId]);
  }

  async update(manager: EntityManager, id: string, fields: { displayName?: string; role?: string; disabledAt?: Date | null }, at: Date): Promise<void> {
    const sets: string[] = ['updated_at = $2'];
    const params: unknown[] = [id, at];
    const add = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (fields.displayName !== undefined) add('display_name', fields.displayName);
    if (fields.role !== undefined) add('role', fields.role);
    if (fields.disabledAt !== undefined) add('disabled_at', fields.disabledAt);
    await manager.query(`UPDATE official SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  async setPasswordHash(manager: EntityManager, id: string, passwordHash: string, at: Date): Promise<void> {
    await manager.query(`UPDATE official SET password_hash = $2, password_changed_at = $3, updated_at = $3 WHERE id = $1`, [id, passwordHash, at]);
  }

  /** Ends every session of the account. */
  async deleteSessionsOf(manager: EntityManager, officialId: string): Promise<number> {
    const result = (await manager.query(`DELETE FROM official_session WHERE official_id = $1 RETURNING id`, [officialId])) as unknown[];
    return result.length;
  }

  async audit(manager: EntityManager, entry: AccountAudit): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (occurred_at, actor_id, actor_label, action, entity_type, entity_id, field, old_value, new_value, request_id)
       VALUES ($1, $2, $3, $4, 'official', $5, $6, $7::jsonb, $8::jsonb, $9)`,
      [
        entry.at,
        entry.actorId,
        entry.actorLabel,
        entry.action,
        entry.entityId,
        entry.field,
        entry.oldValue === undefined ? null : JSON.stringify(entry.oldValue),
        entry.newValue === undefined ? null : JSON.stringify(entry.newValue),
        entry.requestId,
      ],
    );
  }
}
