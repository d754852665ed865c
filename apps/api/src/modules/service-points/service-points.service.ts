import { HttpStatus, Injectable } from '@nestjs/common';
import {
  PLATE_PROBLEM_TYPES,
  type NearbyServicePoint,
  type OpeningState,
  type ServicePointDetail,
  type ServicePointQuery,
  type ServicePointsOrigin,
  type StreetServicePoints,
  type StreetServicePointsQuery,
} from '@pho-so/shared/contracts';
import {
  FIRST_HOLIDAY_YEAR,
  LAST_HOLIDAY_YEAR,
  OpeningHoursError,
  WALKING_DETOUR_FACTOR,
  WALKING_MODEL_DESCRIPTION,
  WALKING_SPEED_KMH,
  describeNextChange,
  directionsLinks,
  formatVietnamIso,
  geoUri,
  openingStatus,
  parsePlateCode,
  toVietnamWallClock,
  upcomingDaysOff,
  walkingMinutes,
  weekSchedule,
  type Closure,
} from '@pho-so/shared/domain';
import type { ServicePointEntity, StreetEntity } from '@pho-so/server/db';
import { notFound, ProblemException } from '../../common/problem-details.filter';
import { problemType } from '../../common/problem-details';
import { invalidRequest } from '../../common/request-validation.pipe';
import { streetMidpoint } from '../streets/streets.service';
import { ServicePointsRepository } from './service-points.repository';

/** Public holidays and closures listed on a service point's page, from `at` on. */
const DAYS_OFF_WINDOW = 30;

type LatLng = { lat: number; lng: number };
type Origin = StreetServicePoints['origin'];

function badParameter(field: string, message: string): ProblemException {
  return new ProblemException(invalidRequest([{ message, path: [] }], { type: 'query', data: field }));
}

/** The instant to evaluate: `at`, or now. Holidays are known for 2020–2035 only, so other years are refused. */
function evaluationInstant(at: Date | undefined): Date {
  const instant = at ?? new Date();
  const year = Number(toVietnamWallClock(instant).date.slice(0, 4));
  if (year < FIRST_HOLIDAY_YEAR || year > LAST_HOLIDAY_YEAR) {
    throw badParameter('at', `must be a time in ${FIRST_HOLIDAY_YEAR}–${LAST_HOLIDAY_YEAR} (Vietnamese time): public holidays are known for those years only`);
  }
  return instant;
}

/** Closure rows as the opening-hours library reads them (dates as YYYY-MM-DD whatever the driver returns). */
function closuresOf(point: ServicePointEntity): Closure[] {
  const day = (value: string | Date) => (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));
  return (point.closures ?? [])
    .map((c) => ({ from: day(c.startsOn), to: day(c.endsOn), reason: c.reason }))
    .sort((a, b) => (a.from === b.from ? a.to.localeCompare(b.to) : a.from.localeCompare(b.from)));
}

/**
 * Open now, the next change in words, today's hours and the closures in force, at `at`. Hours that
 * cannot be read (an official's typo that slipped past validation, an old import) give `openNow: null`
 * rather than an error: the rest of the answer is still worth having.
 */
export function openingState(point: ServicePointEntity, at: Date): OpeningState {
  const closures = closuresOf(point);
  const today = toVietnamWallClock(at).date;
  const closuresInForce = closures.filter((c) => c.from <= today && today <= c.to);
  try {
    const status = openingStatus({ openingHours: point.openingHours, closures, at });
    const nextChange = status.nextChange;
    return {
      openNow: status.open,
      closedReason: status.reason ?? null,
      holiday: status.holidayName !== undefined ? { name: status.holidayName, nameEn: status.holidayNameEn ?? status.holidayName } : null,
      makeUpWorkingDay: status.makeUpWorkingDay,
      nextChange: nextChange
        ? { ...nextChange, text: { vi: describeNextChange(nextChange, at, 'vi') ?? '', en: describeNextChange(nextChange, at, 'en') ?? '' } }
        : null,
      todayHours: status.todayHours,
      closuresInForce,
    };
  } catch (error) {
    if (!(error instanceof OpeningHoursError)) throw error;
    return { openNow: null, closedReason: null, holiday: null, makeUpWorkingDay: false, nextChange: null, todayHours: [], closuresInForce };
  }
}

/**
 * Where the street is, for distances when no `from` is given: the midpoint the street detail shows
 * (half-way along its line, else between its ends), else its start.
 */
function streetOrigin(street: StreetEntity): LatLng | null {
  const start = street.startLat !== null && street.startLng !== null ? { lat: street.startLat, lng: street.startLng } : null;
  return streetMidpoint(street) ?? start;
}

/** Service points near a street, and one service point in full. */
@Injectable()
export class ServicePointsService {
  constructor(private readonly repository: ServicePointsRepository) {}

  /**
   * The centres of the street's own wards first (home ward, then the other wards the street crosses,
   * each nearest first), then the nearest others, up to `limit` in all (the street's own centres are
   * never cut). Distances are great-circle from the origin; walking minutes follow the walking model.
   */
  async forStreet(slug: string, query: StreetServicePointsQuery): Promise<StreetServicePoints> {
    const at = evaluationInstant(query.at);
    const street = await this.repository.findStreet(slug);
    if (!street) {
      throw notFound('street-not-found', `No street has the slug "${slug}". Search streets at /api/v1/streets?q=…`);
    }
    const origin = await this.origin(street, query.from);
    const from = { lat: origin.lat, lng: origin.lng };

    const wardOrdinal = new Map((street.wards ?? []).map((w) => [w.wardId, w.ordinal]));
    const own = (await this.repository.pointsInWards([...wardOrdinal.keys()], from)).sort(
      (a, b) => (wardOrdinal.get(a.wardId ?? -1) ?? 0) - (wardOrdinal.get(b.wardId ?? -1) ?? 0) || a.distanceM - b.distanceM,
    );
    const ownIds = new Set(own.map((p) => p.id));
    const others = (await this.repository.nearest(from, query.limit + own.length))
      .filter((p) => !ownIds.has(p.id))
      .slice(0, Math.max(0, query.limit - own.length));
    const ranked = [...own, ...others];
    const points = await this.repository.findPoints(ranked.map((p) => p.id));

    const items: NearbyServicePoint[] = [];
    for (const { id, distanceM } of ranked) {
      const point = points.get(id);
      if (!point) continue; // deleted between the two queries
      const ordinal = point.wardId === null ? undefined : wardOrdinal.get(point.wardId);
      const location = { lat: point.lat, lng: point.lng };
      items.push({
        id: point.id,
        kind: point.kind,
        name: point.name,
        ward: point.ward ? { code: point.ward.code, name: point.ward.name } : null,
        relation: ordinal === undefined ? 'nearby' : ordinal === 0 ? 'home_ward' : 'street_ward',
        address: point.address,
        location,
        phone: point.phone,
        openingHours: point.openingHours,
        distanceM: Math.round(distanceM),
        walkingMinutes: walkingMinutes(distanceM),
        ...openingState(point, at),
        directions: directionsLinks(from, location),
        provenance: point.provenance,
        lastConfirmedAt: point.lastConfirmedAt ? new Date(point.lastConfirmedAt).toISOString() : null,
      });
    }
    return {
      street: { slug: street.slug, name: street.name },
      origin,
      at: formatVietnamIso(at),
      walkingModel: { speedKmh: WALKING_SPEED_KMH, detourFactor: WALKING_DETOUR_FACTOR, description: { ...WALKING_MODEL_DESCRIPTION } },
      items,
    };
  }

  /** The origin of distances: the plate's point, an explicit point, or the street's midpoint. */
  private async origin(street: StreetEntity, from: ServicePointsOrigin | undefined): Promise<Origin> {
    if (from?.kind === 'point') return { kind: 'point', plateCode: null, lat: from.lat, lng: from.lng };
    let plateCode: string | null = null;
    if (from?.kind === 'plate') {
      const parsed = parsePlateCode(from.code);
      if (!parsed.ok) {
        throw badParameter(
          'from',
          parsed.reason === 'bad_check_character'
            ? `"${from.code}" is not a valid plate code: its last character does not match the others (a typo?)`
            : `must be a plate code such as TB-233AC or a point lat,lng such as 20.45,106.34; "${from.code}" is neither`,
        );
      }
      const plate = await this.repository.findPlate(parsed.code);
      if (!plate) {
        throw new ProblemException({
          type: PLATE_PROBLEM_TYPES.notFound,
          title: 'Not an official plate',
          status: HttpStatus.NOT_FOUND,
          detail: `No official Phố Số plate has the code ${parsed.code}, so distances cannot be measured from it. Check the code printed on the plate.`,
          code: parsed.code,
        });
      }
      plateCode = plate.code;
      if (plate.lat !== null && plate.lng !== null) return { kind: 'plate', plateCode, lat: plate.lat, lng: plate.lng };
    }
    const midpoint = streetOrigin(street);
    if (!midpoint) {
      throw new ProblemException({
        type: problemType('street-location-unknown'),
        title: 'Street location unknown',
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        detail: `The street "${street.slug}" has no location on record yet. Pass from=lat,lng (for example your position) to measure distances from there.`,
      });
    }
    return { kind: 'street_midpoint', plateCode, lat: midpoint.lat, lng: midpoint.lng };
  }

  async byId(id: string, query: ServicePointQuery): Promise<ServicePointDetail> {
    const at = evaluationInstant(query.at);
    const point = await this.repository.findPoint(id.toLowerCase());
    if (!point) {
      throw notFound('service-point-not-found', `No service point has the id ${id}. Find the service points near a street at /api/v1/streets/{slug}/service-points.`);
    }
    const closures = closuresOf(point);
    const today = toVietnamWallClock(at).date;
    const names = await this.repository.procedureNames(point.proceduresNotAccepted);
    let weeklyHours: ServicePointDetail['weeklyHours'] = null;
    try {
      weeklyHours = weekSchedule(point.openingHours, at);
    } catch (error) {
      if (!(error instanceof OpeningHoursError)) throw error;
    }
    return {
      id: point.id,
      kind: point.kind,
      name: point.name,
      ward: point.ward ? { code: point.ward.code, name: point.ward.name } : null,
      address: point.address,
      location: { lat: point.lat, lng: point.lng },
      phone: point.phone,
      email: point.email,
      accessibilityNotes: point.accessibilityNotes,
      openingHours: point.openingHours,
      weeklyHours,
      at: formatVietnamIso(at),
      ...openingState(point, at),
      daysOff: upcomingDaysOff(at, DAYS_OFF_WINDOW, closures),
      closures: closures.filter((c) => c.to >= today),
      proceduresNotAccepted: point.proceduresNotAccepted.map((code) => ({ code, name: names.get(code) ?? null })),
      lastConfirmed: {
        at: point.lastConfirmedAt ? new Date(point.lastConfirmedAt).toISOString() : null,
        // Only the display name: an official's e-mail is never public.
        by: point.lastConfirmedBy?.displayName ?? null,
      },
      directions: { geoUri: geoUri({ lat: point.lat, lng: point.lng }) },
      provenance: point.provenance,
    };
  }
}
