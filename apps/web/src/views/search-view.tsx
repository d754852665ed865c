import { SearchForm } from '../components/forms';
import { PageShell } from '../components/page-shell';
import { ProcedureSummaryItem } from '../components/procedure-summary-item';
import type { SearchInput, SearchOutcome } from '../data/lookups';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { searchPageHref, streetMatchText } from '../view-model/search';

export function SearchView({ locale, input, outcome }: { locale: Locale; input: SearchInput; outcome: SearchOutcome | null }) {
  const t = messagesFor(locale).search;
  const path = searchPageHref('/tim-kiem', input, {});
  return (
    <PageShell locale={locale} path={path}>
      <h1>{t.title}</h1>
      <SearchForm locale={locale} q={input.q ?? ''} />
      {outcome && outcome.errors.length > 0 ? (
        <div className="warning" role="alert">
          <strong>{t.invalid}</strong>
          <ul>
            {outcome.errors.map((error) => (
              <li key={`${error.field}:${error.message}`}>
                {error.field ? <code>{error.field}</code> : null} {error.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {input.q ? <p className="muted">{t.resultsFor(input.q)}</p> : null}
      {input.field ? <p className="muted">{t.fieldFilter(input.field)}</p> : null}
      {input.ward ? <p className="muted">{t.wardFilter(input.ward)}</p> : null}
      {outcome?.streets ? (
        <section aria-labelledby="streets">
          <h2 id="streets">{t.streets}</h2>
          {outcome.streets.items.length === 0 ? <p>{t.noStreets}</p> : null}
          <ul className="plain">
            {outcome.streets.items.map((street) => {
              const match = streetMatchText(street.match, locale);
              return (
                <li key={street.slug} className="procedure">
                  <a href={localePath(locale, `/duong/${street.slug}`)} lang="vi">
                    {street.name}
                  </a>
                  <span className="muted small" lang="vi">
                    {' '}
                    · {street.wards.map((ward) => ward.name).join(', ')}
                  </span>
                  {match ? <span className="small"> · {match}</span> : null}
                </li>
              );
            })}
          </ul>
          {outcome.streets.nextCursor ? (
            <p>
              <a href={localePath(locale, searchPageHref('/tim-kiem', input, { streetsCursor: outcome.streets.nextCursor }))}>{t.more}</a>
            </p>
          ) : null}
        </section>
      ) : null}
      {outcome?.procedures ? (
        <section aria-labelledby="procedures">
          <h2 id="procedures">{t.procedures}</h2>
          {outcome.procedures.items.length === 0 ? <p>{t.noProcedures}</p> : null}
          <ul className="plain">
            {outcome.procedures.items.map((procedure) => (
              <ProcedureSummaryItem key={procedure.code} locale={locale} procedure={procedure} />
            ))}
          </ul>
          {outcome.procedures.nextCursor ? (
            <p>
              <a href={localePath(locale, searchPageHref('/tim-kiem', input, { proceduresCursor: outcome.procedures.nextCursor }))}>{t.more}</a>
            </p>
          ) : null}
        </section>
      ) : null}
    </PageShell>
  );
}
