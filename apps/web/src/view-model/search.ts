import type { StreetMatch } from '@pho-so/shared/contracts';
import type { Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import type { SearchInput } from '../data/lookups';

/** Query parameter names of /tim-kiem; short and stable, since result pages get shared. */
export const SEARCH_PARAMS = { q: 'q', field: 'field', ward: 'ward', streetsCursor: 'sc', proceduresCursor: 'pc' } as const satisfies Record<keyof SearchInput, string>;

/** Reads the search page's query string; empty values count as absent. */
export function searchInputFrom(get: (name: string) => string | undefined): SearchInput {
  const input: SearchInput = {};
  for (const [key, name] of Object.entries(SEARCH_PARAMS) as Array<[keyof SearchInput, string]>) {
    const value = get(name)?.trim();
    if (value) input[key] = value;
  }
  return input;
}

/** The search page URL for an input, with one page cursor changed (the other list restarts). */
export function searchPageHref(path: string, input: SearchInput, change: Partial<Pick<SearchInput, 'streetsCursor' | 'proceduresCursor'>>): string {
  const next: SearchInput = { q: input.q, field: input.field, ward: input.ward, ...change };
  const query = new URLSearchParams();
  for (const [key, name] of Object.entries(SEARCH_PARAMS) as Array<[keyof SearchInput, string]>) {
    const value = next[key];
    if (value) query.set(name, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** Why a street matched, when it is not its own name: an old name, or a ward (current or pre-2025). */
export function streetMatchText(match: StreetMatch | null, locale: Locale): string | null {
  if (!match || match.on === 'name') return null;
  const t = messagesFor(locale).search;
  if (match.on === 'oldName') return t.matchOldName(match.text);
  return t.matchWard(match.ward?.name ?? match.text, match.ward?.current ?? true);
}
