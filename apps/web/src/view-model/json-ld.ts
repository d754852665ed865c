// schema.org structured data for search engines and link previews: a GovernmentOffice per service point
// (with its weekly hours and the days off ahead), a GovernmentService per procedure, and the site's
// search box. Built from API records only; demo values are flagged in the description.
import type { DayOff, NearbyServicePoint, ProcedureSummary, ServicePointDetail } from '@pho-so/shared/contracts';
import { SCHEDULE_WEEKDAYS, type WeekSchedule } from '@pho-so/shared/domain';

type JsonLd = Record<string, unknown>;

const SCHEMA_DAY: Record<(typeof SCHEDULE_WEEKDAYS)[number], string> = {
  Mo: 'https://schema.org/Monday',
  Tu: 'https://schema.org/Tuesday',
  We: 'https://schema.org/Wednesday',
  Th: 'https://schema.org/Thursday',
  Fr: 'https://schema.org/Friday',
  Sa: 'https://schema.org/Saturday',
  Su: 'https://schema.org/Sunday',
};

/** One OpeningHoursSpecification per distinct interval, listing the days that share it. */
export function openingHoursSpecification(week: WeekSchedule): JsonLd[] {
  const byInterval = new Map<string, string[]>();
  for (const day of SCHEDULE_WEEKDAYS) {
    for (const { from, to } of week[day]) {
      const key = `${from}-${to}`;
      byInterval.set(key, [...(byInterval.get(key) ?? []), SCHEMA_DAY[day]]);
    }
  }
  return [...byInterval.entries()].map(([key, days]) => {
    const [opens, closes] = key.split('-');
    return { '@type': 'OpeningHoursSpecification', dayOfWeek: days, opens, closes: closes === '24:00' ? '23:59' : closes };
  });
}

/** Days off as schema.org writes a closed day: opens = closes = 00:00 on that date. */
export function closedDaysSpecification(daysOff: readonly DayOff[]): JsonLd[] {
  return daysOff.map((day) => ({
    '@type': 'OpeningHoursSpecification',
    validFrom: day.date,
    validThrough: day.date,
    opens: '00:00',
    closes: '00:00',
    description: day.kind === 'closure' ? day.reason : day.name,
  }));
}

type OfficeInput = Pick<NearbyServicePoint, 'name' | 'address' | 'location' | 'phone' | 'provenance'> & { url: string };

export function governmentOfficeJsonLd(point: OfficeInput, week: WeekSchedule | null, daysOff: readonly DayOff[] = []): JsonLd {
  return {
    '@type': 'GovernmentOffice',
    name: point.name,
    url: point.url,
    address: { '@type': 'PostalAddress', streetAddress: point.address, addressRegion: 'Hưng Yên', addressCountry: 'VN' },
    geo: { '@type': 'GeoCoordinates', latitude: point.location.lat, longitude: point.location.lng },
    ...(point.phone ? { telephone: point.phone } : {}),
    ...(week ? { openingHoursSpecification: openingHoursSpecification(week) } : {}),
    ...(daysOff.length > 0 ? { specialOpeningHoursSpecification: closedDaysSpecification(daysOff) } : {}),
    ...(point.provenance.demo.length > 0 ? { description: `Dữ liệu mẫu (demo): ${point.provenance.demo.join(', ')}` } : {}),
  };
}

export function servicePointDetailJsonLd(point: ServicePointDetail, url: string, week: WeekSchedule | null): JsonLd {
  return { '@context': 'https://schema.org', ...governmentOfficeJsonLd({ ...point, url }, week, point.daysOff) };
}

export function governmentServiceJsonLd(procedure: Pick<ProcedureSummary, 'code' | 'name' | 'field' | 'portalUrl'>, url: string): JsonLd {
  return {
    '@type': 'GovernmentService',
    name: procedure.name,
    identifier: procedure.code,
    serviceType: procedure.field,
    url,
    areaServed: { '@type': 'AdministrativeArea', name: 'Tỉnh Hưng Yên' },
    availableChannel: { '@type': 'ServiceChannel', serviceUrl: procedure.portalUrl, name: 'Cổng Dịch vụ công quốc gia' },
  };
}

/** The site with its search box (a plain GET form at /tim-kiem?q=). */
export function webSiteJsonLd(baseUrl: string, name: string, searchPath: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name,
    url: `${baseUrl}/`,
    potentialAction: { '@type': 'SearchAction', target: `${baseUrl}${searchPath}?q={search_term_string}`, 'query-input': 'required name=search_term_string' },
  };
}

/** Serialises JSON-LD for a <script> element: `<` escaped so no string can close the element. */
export const serializeJsonLd = (data: JsonLd | JsonLd[]): string => JSON.stringify(data).replace(/</g, '\\u003c');
