import type { Plate } from '@pho-so/shared/contracts';
import { DemoBadge, DemoNotice } from '../components/demo-notice';
import { JsonLd } from '../components/json-ld';
import { PageShell } from '../components/page-shell';
import { ProcedureSummaryItem } from '../components/procedure-summary-item';
import { ServicePointCard } from '../components/service-point-card';
import { StreetMap } from '../components/street-map';
import { webConfig } from '../config';
import type { StreetPageData } from '../data/street-page';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { formatDistance, formatVietnamDateTime } from '../view-model/format';
import { governmentOfficeJsonLd } from '../view-model/json-ld';
import { readableWeekSchedule } from '../view-model/opening';
import { groupProceduresByField } from '../view-model/procedure-groups';
import { openStreetMapUrl, sketchStreetMap } from '../view-model/street-map';

/** Fields and procedures per field shown on the street page; the rest is one link away. */
const PROCEDURE_GROUPS = { maxFields: 6, perField: 4 };

export interface ScanContext {
  plate: Plate;
}

interface StreetViewProps {
  locale: Locale;
  data: StreetPageData;
  /** Set on /q/{code}: the page echoes the plate so a citizen can compare it with the one in front of them. */
  scan: ScanContext | null;
  /** The page's path without language prefix, for the language switch. */
  path: string;
}

function ScanBanner({ locale, plate, streetName }: { locale: Locale; plate: Plate; streetName: string }) {
  const t = messagesFor(locale).plate;
  const statusNote = t.status[plate.status];
  return (
    <section className="scan-banner" aria-label={`${t.scanned} ${plate.code}`}>
      <p className="scan-line">
        {t.scanned} <strong className="plate-code">{plate.code}</strong> · <span lang="vi">{plate.positionDescription}, {streetName}</span>
      </p>
      <p className="small">{t.checkIt}</p>
      {statusNote ? <p className="warning">{statusNote}</p> : null}
      {/* The scan counter: an image so that every view is counted even when this page comes from a cache. */}
      <img src={`/api/v1/plates/${encodeURIComponent(plate.code)}/scan.gif`} alt="" width={1} height={1} className="beacon" />
    </section>
  );
}

export function StreetView({ locale, data, scan, path }: StreetViewProps) {
  const t = messagesFor(locale);
  const { street, servicePoints, procedures, homeWard } = data;
  const streetDemo = new Set(street.provenance.demo);
  const baseUrl = webConfig().publicBaseUrl;
  const groups = groupProceduresByField(procedures, PROCEDURE_GROUPS);
  const origin = servicePoints.origin;
  const sketch = sketchStreetMap({
    geometry: street.geometry,
    ends: [street.start?.point, street.end?.point].filter((p): p is NonNullable<typeof p> => Boolean(p)),
    plate: scan?.plate.point ?? null,
    servicePoints: servicePoints.items.map((point, index) => ({ label: String(index + 1), point: point.location })),
  });
  const mapCentre = scan?.plate.point ?? street.midpoint ?? { lat: origin.lat, lng: origin.lng };

  const jsonLd = {
    '@context': 'https://schema.org',
    '@graph': servicePoints.items.map((point) =>
      governmentOfficeJsonLd({ ...point, url: `${baseUrl}/diem-phuc-vu/${point.id}` }, readableWeekSchedule(point.openingHours)),
    ),
  };

  return (
    <PageShell locale={locale} path={path}>
      {scan ? <ScanBanner locale={locale} plate={scan.plate} streetName={street.name} /> : null}
      <h1 lang="vi">{street.name}</h1>
      <p className="muted">
        {t.street.kind[street.kind]}
        {street.oldNames.length > 0 ? (
          <>
            {' '}
            · {t.street.oldNames}: <span lang="vi">{street.oldNames.join(', ')}</span>
          </>
        ) : null}
      </p>
      <DemoNotice locale={locale} provenances={[street.provenance, scan?.plate.provenance, ...servicePoints.items.map((p) => p.provenance)]} />

      <dl className="facts">
        <dt>{t.street.wardsNow}</dt>
        <dd lang="vi">
          {street.wards.map((ward) => ward.name).join(', ')}
          {streetDemo.has('wardCodes') ? <> <DemoBadge locale={locale} /></> : null}
        </dd>
        {street.start || street.end ? (
          <>
            <dt>{t.street.route}</dt>
            <dd>
              <span lang="vi">
                {street.start?.description ?? '?'} → {street.end?.description ?? '?'}
              </span>
              {streetDemo.has('start') || streetDemo.has('end') ? <> <DemoBadge locale={locale} /></> : null}
            </dd>
          </>
        ) : null}
        {street.lengthM !== null ? (
          <>
            <dt>{t.street.length}</dt>
            <dd>
              {formatDistance(street.lengthM, locale)}
              {streetDemo.has('lengthM') ? <> <DemoBadge locale={locale} /></> : null}
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="where">
        <h2 id="where">{t.street.whereTitle}</h2>
        <p>{t.street.whereLead}</p>
        <p className="small muted">
          {origin.kind === 'plate' && origin.plateCode ? t.street.fromPlate(origin.plateCode) : t.street.fromMidpoint}{' '}
          {servicePoints.walkingModel.description[locale]} {t.street.statusAt(formatVietnamDateTime(servicePoints.at, locale))}
        </p>
        <ol className="cards">
          {servicePoints.items.map((point, index) => (
            <ServicePointCard key={point.id} locale={locale} point={point} number={index + 1} />
          ))}
        </ol>
        {sketch ? <StreetMap locale={locale} sketch={sketch} streetName={street.name} osmUrl={openStreetMapUrl(mapCentre)} /> : null}
      </section>

      {homeWard ? (
        <section aria-labelledby="procedures">
          <h2 id="procedures">{t.street.proceduresTitle}</h2>
          <p>{t.street.proceduresLead(homeWard.name)}</p>
          {groups.map((group) => (
            <section key={group.field} className="procedure-group">
              <h3 lang="vi">{group.field}</h3>
              <ul className="plain">
                {group.shown.map((procedure) => (
                  <ProcedureSummaryItem key={procedure.code} locale={locale} procedure={procedure} />
                ))}
              </ul>
              {group.hiddenCount > 0 ? (
                <p className="small">
                  <a href={`${localePath(locale, '/tim-kiem')}?${new URLSearchParams({ field: group.field, ward: homeWard.code })}`}>
                    {t.street.moreInField(group.hiddenCount, group.field)}
                  </a>
                </p>
              ) : null}
            </section>
          ))}
          <p>
            <a href={`${localePath(locale, '/tim-kiem')}?${new URLSearchParams({ ward: homeWard.code })}`}>{t.street.allProcedures(procedures.length)}</a>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="about">
        <h2 id="about">{t.street.wardsBefore}</h2>
        <ul>
          {street.wards.map((ward) => (
            <li key={ward.code} lang="vi">
              <strong>{ward.name}</strong>
              {ward.home ? <span className="muted"> ({t.street.homeWard})</span> : null}:{' '}
              {ward.before.map((unit) => `${unit.name}${unit.parentName ? ` (${unit.parentName})` : ''}`).join(', ')}
              {ward.before[0]?.legalBasis ? <span className="muted small"> — {ward.before[0].legalBasis}</span> : null}
            </li>
          ))}
        </ul>
        {street.namesake ? (
          <>
            <h2>{t.street.namesake}</h2>
            <p lang="vi">
              <strong>{street.namesake.name}</strong>: {street.namesake.description}
            </p>
            <p className="small muted">
              {t.street.source}:{' '}
              {street.namesake.sourceUrl ? (
                <a href={street.namesake.sourceUrl} rel="noopener">
                  {street.namesake.provenance.attribution ?? street.namesake.provenance.source}
                </a>
              ) : (
                street.namesake.provenance.source
              )}{' '}
              · {t.street.licence}: {street.namesake.provenance.licence}
            </p>
          </>
        ) : null}
        {street.namingAct ? (
          <p>
            {t.street.namingAct}: <span lang="vi">{street.namingAct}</span>
          </p>
        ) : null}
        <p className="small muted">
          {t.street.source}: {street.provenance.attribution ?? street.provenance.source} · {t.street.licence}: {street.provenance.licence}
        </p>
      </section>
      <JsonLd data={jsonLd} />
    </PageShell>
  );
}

