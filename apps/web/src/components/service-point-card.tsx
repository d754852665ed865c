import type { NearbyServicePoint } from '@pho-so/shared/contracts';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { formatDistance, telHref } from '../view-model/format';
import { lastConfirmedDay } from '../view-model/last-confirmed';
import { DemoBadge } from './demo-notice';
import { OpeningBadge } from './opening-badge';

/** One centre in "where to get it done", numbered as on the map. */
export function ServicePointCard({ locale, point, number }: { locale: Locale; point: NearbyServicePoint; number: number }) {
  const t = messagesFor(locale).servicePoint;
  const demo = new Set(point.provenance.demo);
  const isDemo = (field: string) => demo.has(field) || demo.has('*');
  return (
    <li className="card">
      <h3>
        <span className="marker" aria-hidden="true">
          {number}
        </span>{' '}
        <a href={localePath(locale, `/diem-phuc-vu/${point.id}`)} lang="vi">
          {point.name}
        </a>
        {isDemo('name') ? <> <DemoBadge locale={locale} /></> : null}
      </h3>
      <p className="muted">
        {t.relation[point.relation]}
        {point.ward ? <span lang="vi"> · {point.ward.name}</span> : null}
      </p>
      <OpeningBadge locale={locale} state={point} />
      <p className="distance">{t.distance(formatDistance(point.distanceM, locale), point.walkingMinutes)}</p>
      <p>
        {t.address}: <span lang="vi">{point.address}</span>
        {isDemo('address') ? <> <DemoBadge locale={locale} /></> : null}
      </p>
      <p>
        {point.phone ? (
          <>
            {t.phone}: <a href={telHref(point.phone)}>{point.phone}</a>
          </>
        ) : (
          t.noPhone
        )}
      </p>
      {point.lastConfirmedAt && lastConfirmedDay(point.lastConfirmedAt, locale) ? (
        <p className="small muted last-confirmed">{t.lastConfirmedOn(lastConfirmedDay(point.lastConfirmedAt, locale)!)}</p>
      ) : null}
      <p className="actions">
        <a href={point.directions.openStreetMap} rel="noopener">
          {t.directions}
        </a>{' '}
        · <a href={point.directions.geoUri}>{t.openInMapsApp}</a>
      </p>
    </li>
  );
}
