import { Injectable } from '@nestjs/common';
import type {
  StreetDetail,
  StreetMatch,
  StreetPlate,
  StreetSearchResult,
  StreetsQuery,
  StreetSummary,
  StreetWardFilter,
  StreetWardRef,
} from '@pho-so/shared/contracts';
import { lineMidpoint } from '@pho-so/shared/domain';
import type { AdministrativeUnitEntity, PlateEntity, StreetEntity } from '@pho-so/server/db';
import { notFound, ProblemException } from '../../common/problem-details.filter';
import { invalidRequest } from '../../common/request-validation.pipe';
import { toAdminUnitSummary } from '../admin-units/admin-units.service';
import { decodeStreetCursor, encodeStreetCursor, searchFingerprint } from './street-cursor';
import { StreetsRepository, type StreetKeyset, type StreetSearchRow } from './streets.repository';

/** The street's current wards, home ward (ordinal 0) first. */
function wardsInOrder(street: StreetEntity): AdministrativeUnitEntity[] {
  return [...(street.wards ?? [])].sort((a, b) => a.ordinal - b.ordinal).flatMap((link) => (link.ward ? [link.ward] : []));
}

const toWardRef = (unit: AdministrativeUnitEntity): StreetWardRef => ({ code: unit.code, name: unit.name });

/** A street as lists and other resources (a plate) show it. Needs `street.wards` with `ward` loaded. */
export function toStreetSummary(street: StreetEntity): StreetSummary {
  return {
    slug: street.slug,
    name: street.name,
    kind: street.kind,
    oldNames: street.oldNames,
    wards: wardsInOrder(street).map(toWardRef),
    lengthM: street.lengthM,
    provenance: street.provenance,
  };
}

const pointOf = (lat: number | null, lng: number | null) => (lat !== null && lng !== null ? { lat, lng } : null);

export function toStreetPlate(plate: PlateEntity): StreetPlate {
  return {
    code: plate.code,
    status: plate.status,
    positionDescription: plate.positionDescription,
    point: pointOf(plate.lat, plate.lng),
    installedAt: plate.installedAt,
    provenance: plate.provenance,
  };
}

/** Half-way along the geometry; without one, half-way between the two ends; else unknown. */
export function streetMidpoint(street: Pick<StreetEntity, 'geometry' | 'startLat' | 'startLng' | 'endLat' | 'endLng'>): { lat: number; lng: number } | null {
  if (street.geometry) return lineMidpoint(street.geometry);
  const start = pointOf(street.startLat, street.startLng);
  const end = pointOf(street.endLat, street.endLng);
  if (start && end) return lineMidpoint({ type: 'LineString', coordinates: [[start.lng, start.lat], [end.lng, end.lat]] });
  return start ?? end;
}

const toMatch = (row: StreetSearchRow): StreetMatch | null => {
  if (row.matchOn === null || row.matchText === null) return null;
  const ward = row.matchOn === 'ward' && row.wardCode !== null && row.wardName !== null ? { code: row.wardCode, name: row.wardName, current: row.wardCurrent ?? false } : null;
  return { on: row.matchOn, text: row.matchText, ward };
};

/** Search text as compared: Unicode NFC (unaccent's rules are for composed letters), single spaces. */
const normaliseText = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

const badQuery = (field: string, message: string) => new ProblemException(invalidRequest([{ message, path: [field] }], { type: 'query', data: undefined }));

/** Street search and street pages: names old and new, wards now and before the 2025 reform. */
@Injectable()
export class StreetsService {
  constructor(private readonly repository: StreetsRepository) {}

  async search(query: StreetsQuery): Promise<StreetSearchResult> {
    const text = query.q === undefined ? null : normaliseText(query.q);
    const fingerprint = searchFingerprint(text, query.ward ?? null);
    let after: StreetKeyset | null = null;
    if (query.cursor !== undefined) {
      const decoded = decodeStreetCursor(query.cursor, fingerprint);
      if (!decoded.ok) throw badQuery('cursor', decoded.message);
      after = decoded.keyset;
    }
    const wardFilter = query.ward === undefined ? null : await this.resolveWardFilter(query.ward);

    const rows = await this.repository.search({
      text,
      wardIds: wardFilter ? wardFilter.wardIds : null,
      after,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const streets = new Map((await this.repository.findByIds(page.map((row) => row.streetId))).map((street) => [street.id, street]));
    const items = page.flatMap((row) => {
      const street = streets.get(row.streetId);
      return street ? [{ ...toStreetSummary(street), match: toMatch(row) }] : [];
    });
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeStreetCursor({ rank: last.rank, slug: last.slug }, fingerprint) : null,
      ward: wardFilter ? wardFilter.echo : null,
    };
  }

  /**
   * A `ward` filter: a current ward stands for itself; an old unit for the current ward(s) it became.
   * A code that names no commune-level unit is a bad parameter, not an empty list.
   */
  private async resolveWardFilter(code: string): Promise<{ wardIds: number[]; echo: StreetWardFilter }> {
    const units = (await this.repository.unitsByCode(code)).filter((unit) => unit.level === 'commune');
    if (units.length === 0) {
      throw badQuery('ward', `must be the GSO code of a ward or commune, current or from before 1 July 2025; ${code} is not one (find codes with /api/v1/admin-units?q=)`);
    }
    const current = units.find((unit) => unit.validTo === null);
    const named = current ?? units[0]!;
    const wards = current ? [current] : await this.repository.currentSuccessors(units.map((unit) => unit.id));
    return {
      wardIds: wards.map((ward) => ward.id),
      echo: { code, name: named.name, current: current !== undefined, wards: wards.map(toWardRef) },
    };
  }

  async bySlug(slug: string): Promise<StreetDetail> {
    const street = await this.repository.findBySlug(slug);
    if (!street) {
      throw notFound('street-not-found', `No street has the slug "${slug}". Search streets by name with /api/v1/streets?q=`);
    }
    const wards = wardsInOrder(street);
    const [plates, before] = await Promise.all([this.repository.platesOf(street.id), this.repository.predecessors(wards.map((ward) => ward.id))]);
    return {
      slug: street.slug,
      name: street.name,
      kind: street.kind,
      oldNames: street.oldNames,
      start: street.startDescription !== null ? { description: street.startDescription, point: pointOf(street.startLat, street.startLng) } : null,
      end: street.endDescription !== null ? { description: street.endDescription, point: pointOf(street.endLat, street.endLng) } : null,
      lengthM: street.lengthM,
      geometry: street.geometry,
      midpoint: streetMidpoint(street),
      wards: wards.map((ward, index) => ({
        ...toAdminUnitSummary(ward),
        home: index === 0,
        before: (before.get(ward.id) ?? []).map((link) => ({ ...toAdminUnitSummary(link.unit), mergeType: link.mergeType, legalBasis: link.legalBasis })),
      })),
      namesake: street.namesake,
      namingAct: street.namingAct,
      plates: plates.map(toStreetPlate),
      provenance: street.provenance,
    };
  }
}
