import type { ServicePointDetail } from '@pho-so/shared/contracts';
import { SCHEDULE_WEEKDAYS } from '@pho-so/shared/domain';
import { DemoBadge, DemoNotice } from '../components/demo-notice';
import { JsonLd } from '../components/json-ld';
import { OpeningBadge } from '../components/opening-badge';
import { PageShell } from '../components/page-shell';
import { webConfig } from '../config';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { formatIsoDate, formatIsoDateWithWeekday, formatVietnamDateTime, telHref } from '../view-model/format';
import { servicePointDetailJsonLd } from '../view-model/json-ld';
import { lastConfirmedDay } from '../view-model/last-confirmed';
import { intervalsText, readableWeekSchedule } from '../view-model/opening';
import { openStreetMapUrl } from '../view-model/street-map';

export function ServicePointView({ locale, point }: { locale: Locale; point: ServicePointDetail }) {
  const t = messagesFor(locale).servicePoint;
  const path = `/diem-phuc-vu/${point.id}`;
  const demo = new Set(point.provenance.demo);
  const isDemo = (field: string) => demo.has(field) || demo.has('*');
  const badge = (field: string) => (isDemo(field) ? <> <DemoBadge locale={locale} /></> : null);
  const week = readableWeekSchedule(point.openingHours);
  return (
    <PageShell locale={locale} path={path}>
      <h1 lang="vi">
        {point.name}
        {badge('name')}
      </h1>
      <p className="muted">
        {t.kind[point.kind]}
        {point.ward ? <span lang="vi"> · {point.ward.name}</span> : null}
      </p>
      <DemoNotice locale={locale} provenances={[point.provenance]} />
      <OpeningBadge locale={locale} state={point} />
      <p className="small muted">{messagesFor(locale).street.statusAt(formatVietnamDateTime(point.at, locale))}</p>

      <dl className="facts">
        <dt>{t.address}</dt>
        <dd>
          <span lang="vi">{point.address}</span>
          {badge('address')}
        </dd>
        <dt>{t.phone}</dt>
        <dd>{point.phone ? <a href={telHref(point.phone)}>{point.phone}</a> : t.noPhone}</dd>
        {point.email ? (
          <>
            <dt>{t.email}</dt>
            <dd>
              <a href={`mailto:${point.email}`}>{point.email}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <p className="actions">
        <a href={openStreetMapUrl(point.location, 17)} rel="noopener">
          {messagesFor(locale).street.openInOsm}
        </a>{' '}
        · <a href={point.directions.geoUri}>{t.openInMapsApp}</a>
      </p>

      <h2>
        {t.weeklyHours}
        {badge('openingHours')}
      </h2>
      {point.weeklyHours ? (
        <table>
          <tbody>
            {SCHEDULE_WEEKDAYS.map((day) => (
              <tr key={day}>
                <th scope="row">{t.weekdays[day]}</th>
                <td>{intervalsText(point.weeklyHours?.[day] ?? [], t.dayClosed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>
          {t.hoursUnknown}. {t.rawHours}: <code>{point.openingHours}</code>
        </p>
      )}

      <h2>{t.daysOffTitle}</h2>
      {point.daysOff.length === 0 ? (
        <p>{t.noDaysOff}</p>
      ) : (
        <ul>
          {point.daysOff.map((day) => (
            <li key={`${day.date}-${day.kind}`}>
              {formatIsoDateWithWeekday(day.date, locale)}: <span lang={day.kind === 'closure' || locale === 'vi' ? 'vi' : 'en'}>{day.kind === 'closure' ? day.reason : locale === 'vi' ? day.name : day.nameEn}</span>
            </li>
          ))}
        </ul>
      )}
      {point.closures.length > 0 ? (
        <>
          <h2>
            {t.closuresTitle}
            {badge('closures')}
          </h2>
          <ul>
            {point.closures.map((closure) => (
              <li key={`${closure.from}-${closure.to}`}>
                {t.closureRange(formatIsoDate(closure.from, locale), formatIsoDate(closure.to, locale))}: <span lang="vi">{closure.reason}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>
        {t.accessibility}
        {badge('accessibilityNotes')}
      </h2>
      <p lang={point.accessibilityNotes ? 'vi' : undefined}>{point.accessibilityNotes || t.noAccessibility}</p>

      <h2>
        {t.notAccepted}
        {badge('proceduresNotAccepted')}
      </h2>
      {point.proceduresNotAccepted.length === 0 ? (
        <p>{t.noneNotAccepted}</p>
      ) : (
        <ul>
          {point.proceduresNotAccepted.map((procedure) => (
            <li key={procedure.code}>
              <a href={localePath(locale, `/thu-tuc/${procedure.code}`)}>{procedure.code}</a>
              {procedure.name ? <span lang="vi"> {procedure.name}</span> : null}
            </li>
          ))}
        </ul>
      )}

      <p className="small muted">
        {point.lastConfirmed.at && lastConfirmedDay(point.lastConfirmed.at, locale)
          ? `${t.lastConfirmedOn(lastConfirmedDay(point.lastConfirmed.at, locale)!)}${point.lastConfirmed.by ? ` (${point.lastConfirmed.by})` : ''}`
          : t.neverConfirmed}
      </p>
      <JsonLd data={servicePointDetailJsonLd(point, `${webConfig().publicBaseUrl}${localePath(locale, path)}`, week)} />
    </PageShell>
  );
}
