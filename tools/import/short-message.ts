const MAX_LENGTH = 400;

/**
 * One readable line for an unexpected error: its message's first line, cut to a few hundred characters.
 * PGlite and TypeORM errors can carry whole queries, parameters and WASM stacks; the operator needs
 * the gist (and can rerun with a debugger for the rest). Postgres errors keep their code and detail.
 */
export function shortMessage(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown; detail?: unknown } | null;
  const raw = typeof e?.message === 'string' && e.message !== '' ? e.message : String(error);
  const parts = [raw.split('\n')[0]?.trim() ?? ''];
  if (typeof e?.detail === 'string' && e.detail !== '') parts.push(e.detail.split('\n')[0]?.trim() ?? '');
  if (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) parts.push(`(SQLSTATE ${e.code})`);
  const line = parts.filter((p) => p !== '').join(' ');
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}
