import type { Provenance } from '@pho-so/shared/contracts';
import type { Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { demoFieldLabels } from '../view-model/demo-fields';

/** The visible "sample data" notice, naming the made-up fields; renders nothing for real data. */
export function DemoNotice({ locale, provenances }: { locale: Locale; provenances: ReadonlyArray<Pick<Provenance, 'demo'> | null | undefined> }) {
  const fields = demoFieldLabels(provenances, locale);
  if (fields.length === 0) return null;
  const t = messagesFor(locale).demo;
  return (
    <aside className="demo-notice" aria-label={t.title}>
      <strong>{t.title}</strong> <span lang="vi">{locale === 'vi' ? null : '(dữ liệu mẫu) '}</span>
      {t.intro} {fields.join(', ')}.
    </aside>
  );
}

/** A small inline "sample data" badge next to a value that is demo. */
export function DemoBadge({ locale }: { locale: Locale }) {
  return <span className="demo-badge">{messagesFor(locale).demo.badge}</span>;
}
