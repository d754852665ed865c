import type { OpeningState } from '@pho-so/shared/contracts';
import type { Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { todayHoursText } from '../view-model/opening';

/** "Open now / Closed now" with why (holiday, closure) and when that changes, plus today's hours. */
export function OpeningBadge({ locale, state }: { locale: Locale; state: OpeningState }) {
  const t = messagesFor(locale).servicePoint;
  const label = state.openNow === null ? t.hoursUnknown : state.openNow ? t.open : t.closed;
  const tone = state.openNow === null ? 'unknown' : state.openNow ? 'open' : 'closed';
  const holidayName = state.holiday ? (locale === 'vi' ? state.holiday.name : state.holiday.nameEn) : null;
  return (
    <div className="opening">
      <p>
        <span className={`badge badge-${tone}`}>{label}</span>
        {state.nextChange ? <span className="next-change"> {state.nextChange.text[locale]}</span> : null}
      </p>
      {state.closedReason === 'holiday' && holidayName ? <p>{t.closedHoliday(holidayName)}</p> : null}
      {state.closuresInForce.map((closure) => (
        <p key={`${closure.from}-${closure.to}`}>
          {t.closedClosure}: <span lang="vi">{closure.reason}</span>
        </p>
      ))}
      {state.makeUpWorkingDay ? <p>{t.makeUpDay}</p> : null}
      {state.openNow === null ? null : <p>{todayHoursText(state.todayHours, locale)}</p>}
    </div>
  );
}
