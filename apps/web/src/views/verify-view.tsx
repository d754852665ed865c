import { VerifyForm } from '../components/forms';
import { PageShell } from '../components/page-shell';
import type { PlateCheck } from '../data/lookups';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';

/** /kiem-tra: type the code printed on a plate and learn whether it is an official one, and where. */
export function VerifyView({ locale, code, check }: { locale: Locale; code: string; check: PlateCheck | null }) {
  const t = messagesFor(locale).verify;
  const path = code ? `/kiem-tra?${new URLSearchParams({ ma: code })}` : '/kiem-tra';
  return (
    <PageShell locale={locale} path={path}>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      <VerifyForm locale={locale} code={code} />
      <div aria-live="polite">
        {check?.kind === 'official' ? (
          <div className="result-ok">
            <p>
              <strong>{t.official(check.lookup.plate.code)}</strong>
            </p>
            <p>
              {t.onStreet}: <strong lang="vi">{check.lookup.street.name}</strong> · <span lang="vi">{check.lookup.plate.positionDescription}</span>
            </p>
            <p>
              {/* The street page, not /q/: checking a code by hand is not a scan. */}
              <a href={localePath(locale, `/duong/${check.lookup.street.slug}`)}>{t.openStreet}</a>
            </p>
          </div>
        ) : null}
        {check?.kind === 'unknown' ? (
          <div className="result-bad">
            <p>
              <strong>{t.unknown(check.code)}</strong>
            </p>
            <p>{messagesFor(locale).plate.notOfficialWarning}</p>
          </div>
        ) : null}
        {check?.kind === 'malformed' ? (
          <div className="result-bad">
            <p>
              <strong>{check.badCheckCharacter ? t.badCheck : t.malformed}</strong>
            </p>
          </div>
        ) : null}
      </div>
    </PageShell>
  );
}
