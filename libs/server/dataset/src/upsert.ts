import type { DeepPartial, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/** Key-order-independent JSON, so jsonb round-trips compare equal. */
function stableJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sameValue(current: unknown, incoming: unknown): boolean {
  return stableJson(current) === stableJson(incoming);
}

/**
 * Inserts a row or updates the fields that differ, found by its natural key. Returns what happened
 * and the row, so callers can attach children. Runs inside the caller's transaction.
 */
export async function upsertByNaturalKey<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  key: FindOptionsWhere<T>,
  values: Partial<T>,
): Promise<{ outcome: UpsertOutcome; row: T }> {
  const repository = manager.getRepository(target);
  const existing = await repository.findOne({ where: key });
  if (!existing) {
    const row = await repository.save(repository.create({ ...key, ...values } as T));
    return { outcome: 'created', row };
  }
  const changed = Object.entries(values).filter(([field, value]) => !sameValue(existing[field], value));
  if (changed.length === 0) return { outcome: 'unchanged', row: existing };
  const row = await repository.save(repository.merge(existing, Object.fromEntries(changed) as DeepPartial<T>));
  return { outcome: 'updated', row };
}
