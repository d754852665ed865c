import type { ProcedureSummary } from '@pho-so/shared/contracts';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { formatProcessingTime } from '../view-model/format';

/** Fees can run to a paragraph; the list shows the start and the procedure page the rest. */
const FEE_PREVIEW_CHARS = 80;

const preview = (text: string): string => (text.length > FEE_PREVIEW_CHARS ? `${text.slice(0, FEE_PREVIEW_CHARS - 1).trimEnd()}…` : text);

/** A procedure in a list: where it can be filed, time and fee of filing in person, and the portal link. */
export function ProcedureSummaryItem({ locale, procedure }: { locale: Locale; procedure: ProcedureSummary }) {
  const t = messagesFor(locale).procedure;
  const main = procedure.channels.find((channel) => channel.channel === 'in_person') ?? procedure.channels[0];
  return (
    <li className="procedure">
      <a href={localePath(locale, `/thu-tuc/${procedure.code}`)} lang="vi">
        {procedure.name}
      </a>
      <span className="muted small">
        {' '}
        · {procedure.filingPlaces.map((place) => t.filingShort[place.kind]).join(', ')}
        {main ? (
          <>
            {' '}
            · {t.time}: <span lang="vi">{formatProcessingTime(main.time, locale)}</span> · {t.fee}: <span lang="vi">{preview(main.fee || '—')}</span>
          </>
        ) : null}{' '}
        · <a href={procedure.portalUrl} rel="noopener" aria-label={`dichvucong.gov.vn: ${t.portal} (${procedure.code})`}>
          dichvucong.gov.vn
        </a>
      </span>
    </li>
  );
}
