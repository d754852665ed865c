import {
  FILING_PLACE_EXPLANATIONS,
  FILING_PLACE_KINDS,
  fileableAtCommuneCentre,
  filingPlaces,
  procedurePortalUrl,
} from './filing-places';

const ALL_CHANNELS = ['online', 'postal', 'in_person'] as const;
const kinds = (places: ReturnType<typeof filingPlaces>) => places.map((p) => p.kind);

describe('filingPlaces (Nghị định 118/2025)', () => {
  it('sends a commune-level procedure to any commune centre of the province, online and by post', () => {
    expect(filingPlaces({ code: '1.001193', levels: ['commune'], channels: ALL_CHANNELS })).toEqual([
      { kind: 'any_commune_centre' },
      { kind: 'online', portalUrl: 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193' },
      { kind: 'postal' },
    ]);
  });

  it('sends a province-level procedure to the provincial centre', () => {
    expect(kinds(filingPlaces({ code: '1.000001', levels: ['province'], channels: ['in_person'] }))).toEqual(['provincial_centre']);
  });

  it('gives both centres to a procedure done at both levels, whatever the order of levels and channels', () => {
    expect(kinds(filingPlaces({ code: '1.000001', levels: ['province', 'commune', 'commune'], channels: ['postal', 'in_person'] }))).toEqual([
      'any_commune_centre',
      'provincial_centre',
      'postal',
    ]);
  });

  it('gives no counter to a procedure the portal lists as online only', () => {
    expect(kinds(filingPlaces({ code: '1.012575', levels: ['province', 'commune'], channels: ['online'] }))).toEqual(['online']);
  });

  it('keeps the places of the levels when the channels are not recorded at all', () => {
    expect(kinds(filingPlaces({ code: '1.000001', levels: ['commune'], channels: [] }))).toEqual(['any_commune_centre']);
  });

  it('gives no local place to a ministry-only procedure filed in person', () => {
    expect(filingPlaces({ code: '1.000001', levels: ['ministry'], channels: ['in_person'] })).toEqual([]);
  });

  it('explains every kind in Vietnamese and English', () => {
    for (const kind of FILING_PLACE_KINDS) {
      expect(FILING_PLACE_EXPLANATIONS[kind].vi.length).toBeGreaterThan(10);
      expect(FILING_PLACE_EXPLANATIONS[kind].en.length).toBeGreaterThan(10);
    }
  });
});

describe('fileableAtCommuneCentre', () => {
  it('needs the commune level and a counter', () => {
    expect(fileableAtCommuneCentre({ levels: ['commune'], channels: ['in_person'] })).toBe(true);
    expect(fileableAtCommuneCentre({ levels: ['commune'], channels: ['online'] })).toBe(false);
    expect(fileableAtCommuneCentre({ levels: ['province'], channels: ['in_person'] })).toBe(false);
  });
});

describe('procedurePortalUrl', () => {
  it('refuses anything that is not a national procedure code', () => {
    expect(() => procedurePortalUrl('1.00119')).toThrow(RangeError);
    expect(() => procedurePortalUrl('1.001193&x=1')).toThrow(RangeError);
  });
});
