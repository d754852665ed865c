import type { ProcedureDetail } from '@pho-so/shared/contracts';
import { JsonLd } from '../components/json-ld';
import { PageShell } from '../components/page-shell';
import { webConfig } from '../config';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { documentsChecklist, nonEmptyLines } from '../view-model/documents-checklist';
import { formatProcessingTime, formatVietnamDateTime } from '../view-model/format';
import { governmentServiceJsonLd } from '../view-model/json-ld';

/** The source marks empty sections with this text; they are shown as "none" in the UI language. */
const NO_INFORMATION = 'Không có thông tin';

function Lines({ text, locale }: { text: string; locale: Locale }) {
  const lines = nonEmptyLines(text).filter((line) => line !== NO_INFORMATION);
  if (lines.length === 0) return <p>{messagesFor(locale).procedure.none}</p>;
  return (
    <div lang="vi">
      {lines.map((line, index) => (
        <p key={index}>{line}</p>
      ))}
    </div>
  );
}

export function ProcedureView({ locale, procedure }: { locale: Locale; procedure: ProcedureDetail }) {
  const t = messagesFor(locale).procedure;
  const checklist = documentsChecklist(procedure.documents);
  const path = `/thu-tuc/${procedure.code}`;
  return (
    <PageShell locale={locale} path={path}>
      <h1 lang="vi">{procedure.name}</h1>
      <dl className="facts">
        <dt>{t.code}</dt>
        <dd>{procedure.code}</dd>
        <dt>{t.field}</dt>
        <dd lang="vi">{procedure.field}</dd>
        <dt>{t.levels}</dt>
        <dd>{procedure.levels.map((level) => t.level[level]).join(', ')}</dd>
        {procedure.implementingAgency && procedure.implementingAgency !== NO_INFORMATION ? (
          <>
            <dt>{t.agency}</dt>
            <dd lang="vi">{procedure.implementingAgency}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={procedure.portalUrl} rel="noopener">
          <strong>{t.portal}</strong>
        </a>
        {procedure.onlineLevel ? <span className="muted"> · {t.onlineLevel[procedure.onlineLevel]}</span> : null}
      </p>

      <h2>{t.whereTitle}</h2>
      <ul>
        {procedure.filingPlaces.map((place) => (
          <li key={place.kind}>{place.kind === 'online' ? <a href={place.portalUrl} rel="noopener">{t.filingPlace.online}</a> : t.filingPlace[place.kind]}</li>
        ))}
      </ul>

      <h2>{t.channelsTitle}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.channelHeader}</th>
            <th scope="col">{t.time}</th>
            <th scope="col">{t.fee}</th>
          </tr>
        </thead>
        <tbody>
          {procedure.channels.map((channel) => (
            <tr key={channel.channel}>
              <th scope="row">{t.channel[channel.channel]}</th>
              <td lang="vi">{formatProcessingTime(channel.time, locale)}</td>
              <td lang="vi">
                {channel.fee || '—'}
                {channel.note ? <span className="small muted"> {channel.note}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="documents">{t.documentsTitle}</h2>
      <p className="small muted no-print">{t.documentsHint}</p>
      <ul className="checklist" lang="vi" aria-labelledby="documents">
        {checklist.map((block, index) =>
          block.kind === 'item' ? (
            <li key={index}>
              <label>
                <input type="checkbox" name={`doc-${index}`} />
                <span>{block.text}</span>
              </label>
              {block.subItems.length > 0 ? (
                <ul>
                  {block.subItems.map((sub, subIndex) => (
                    <li key={subIndex}>{sub}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ) : block.kind === 'heading' ? (
            <li key={index}>
              <strong>{block.text}</strong>
            </li>
          ) : (
            <li key={index} className="small">
              {block.text}
            </li>
          ),
        )}
      </ul>

      <h2>{t.resultsTitle}</h2>
      <ul lang="vi">
        {procedure.results.map((result) => (
          <li key={result}>{result}</li>
        ))}
      </ul>
      <details>
        <summary>{t.stepsTitle}</summary>
        <Lines text={procedure.steps} locale={locale} />
      </details>
      <details>
        <summary>{t.conditionsTitle}</summary>
        <Lines text={procedure.conditions} locale={locale} />
      </details>
      <details>
        <summary>{t.legalBasisTitle}</summary>
        <Lines text={procedure.legalBasis} locale={locale} />
      </details>

      <h2>{t.sourceTitle}</h2>
      <p className="small">
        <a href={procedure.sourceUrl} rel="noopener">
          {procedure.provenance.attribution ?? procedure.provenance.source}
        </a>{' '}
        · {procedure.provenance.licence}
        {procedure.syncedAt ? (
          <>
            {' '}
            · {t.syncedAt}: {formatVietnamDateTime(procedure.syncedAt, locale)}
          </>
        ) : null}
      </p>
      <JsonLd data={{ '@context': 'https://schema.org', ...governmentServiceJsonLd(procedure, `${webConfig().publicBaseUrl}${localePath(locale, path)}`) }} />
    </PageShell>
  );
}
