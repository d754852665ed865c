// Which facts on a page are sample data. Every API record lists its made-up fields in `provenance.demo`
// ('*' for a wholly invented record); pages name them in words next to a visible "sample data" notice.
import type { Provenance } from '@pho-so/shared/contracts';
import type { Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';

/** True when the record has any demo field. */
export const hasDemo = (provenance: Pick<Provenance, 'demo'> | null | undefined): boolean => (provenance?.demo.length ?? 0) > 0;

/** The demo fields of one or more records as words of the UI language, without repeats, in first-seen order. */
export function demoFieldLabels(provenances: ReadonlyArray<Pick<Provenance, 'demo'> | null | undefined>, locale: Locale): string[] {
  const labels = messagesFor(locale).demo.fields;
  const seen = new Set<string>();
  for (const provenance of provenances) {
    for (const field of provenance?.demo ?? []) seen.add(labels[field] ?? field);
  }
  return [...seen];
}
