/**
 * Where a citizen can file a procedure (thủ tục hành chính), from its levels and channels.
 *
 * Legal basis: Nghị định 118/2025/NĐ-CP (in force since 1 July 2025) on the one-stop mechanism at the
 * Bộ phận Một cửa and the national public-service portal. It defines filing "regardless of administrative
 * boundaries" (không phụ thuộc vào địa giới hành chính): a dossier may be filed online on the national
 * portal, through the public postal service, or in person at a one-stop desk, whatever the citizen's
 * place of residence. Within the province this gives the rules below:
 * - a commune-level procedure (cấp xã) can be filed at **any** commune-level Public Administrative Service
 *   Centre of the province, not only the one of the citizen's ward;
 * - a province-level procedure (cấp tỉnh) at the provincial Public Administrative Service Centre;
 * - online on the national portal when the procedure has an online channel;
 * - by post when the procedure has a postal channel.
 * Ministry-level procedures (cấp bộ) are filed with the ministry itself and get no local place here.
 * Exceptions a centre announces (a procedure it does not take) are data, not rules: they live in each
 * service point's `proceduresNotAccepted`.
 *
 * Pure: shared by the API (responses) and the web (explanations).
 */

export type ProcedureLevelForFiling = 'commune' | 'province' | 'ministry';
export type ChannelKindForFiling = 'online' | 'postal' | 'in_person';

export type FilingPlace =
  | { kind: 'any_commune_centre' }
  | { kind: 'provincial_centre' }
  | { kind: 'online'; portalUrl: string }
  | { kind: 'postal' };
export type FilingPlaceKind = FilingPlace['kind'];

export const FILING_PLACE_KINDS = ['any_commune_centre', 'provincial_centre', 'online', 'postal'] as const satisfies readonly FilingPlaceKind[];

export const FILING_LEGAL_BASIS = 'Nghị định 118/2025/NĐ-CP';

/** Short explanations a page shows next to each place, in Vietnamese and English. */
export const FILING_PLACE_EXPLANATIONS: Record<FilingPlaceKind, { vi: string; en: string }> = {
  any_commune_centre: {
    vi: 'Nộp trực tiếp tại bất kỳ Trung tâm Phục vụ hành chính công cấp xã nào trong tỉnh, không phụ thuộc nơi cư trú (Nghị định 118/2025/NĐ-CP).',
    en: 'In person at any commune-level Public Administrative Service Centre in the province, whatever ward you live in (Decree 118/2025/ND-CP).',
  },
  provincial_centre: {
    vi: 'Nộp trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh (thủ tục cấp tỉnh).',
    en: 'In person at the provincial Public Administrative Service Centre (a province-level procedure).',
  },
  online: {
    vi: 'Nộp trực tuyến trên Cổng Dịch vụ công quốc gia.',
    en: 'Online on the National Public Service Portal.',
  },
  postal: {
    vi: 'Gửi hồ sơ qua dịch vụ bưu chính công ích.',
    en: 'By post through the public postal service.',
  },
};

const PROCEDURE_CODE = /^\d\.\d{6}$/;

/** The procedure's page on the national portal, e.g. for 1.001193 (Đăng ký khai sinh). */
export function procedurePortalUrl(code: string): string {
  if (!PROCEDURE_CODE.test(code)) throw new RangeError(`"${code}" is not a national procedure code such as 1.001193`);
  return `https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=${code}`;
}

/**
 * The places a procedure can be filed, in a fixed order (commune centres, provincial centre, online,
 * post). Levels and channels may repeat or come in any order. An empty list means no local place: a
 * ministry-only procedure without an online or postal channel.
 */
export function filingPlaces(procedure: {
  code: string;
  levels: readonly ProcedureLevelForFiling[];
  channels: readonly ChannelKindForFiling[];
}): FilingPlace[] {
  const places: FilingPlace[] = [];
  const inPerson = acceptsInPerson(procedure.channels);
  if (inPerson && procedure.levels.includes('commune')) places.push({ kind: 'any_commune_centre' });
  if (inPerson && procedure.levels.includes('province')) places.push({ kind: 'provincial_centre' });
  if (procedure.channels.includes('online')) places.push({ kind: 'online', portalUrl: procedurePortalUrl(procedure.code) });
  if (procedure.channels.includes('postal')) places.push({ kind: 'postal' });
  return places;
}

/** In person is possible when the portal lists an in-person channel, or lists no channel at all (unknown). */
export function acceptsInPerson(channels: readonly ChannelKindForFiling[]): boolean {
  return channels.length === 0 || channels.includes('in_person');
}

/**
 * Whether a commune-level centre takes this procedure at the counter, before the centre's own
 * exceptions (`proceduresNotAccepted`): the rule behind the `ward` filter of the procedure search.
 */
export function fileableAtCommuneCentre(procedure: { levels: readonly ProcedureLevelForFiling[]; channels: readonly ChannelKindForFiling[] }): boolean {
  return procedure.levels.includes('commune') && acceptsInPerson(procedure.channels);
}
