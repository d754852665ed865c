import type { IsoDate } from './civil-date';

/** The occasions of the law's holiday list; compensatory days belong to the occasion they compensate. */
export type HolidayOccasion = 'new_year' | 'tet' | 'hung_kings' | 'reunification' | 'labour_day' | 'national_day';

/**
 * A schedule the government announced for civil servants (cán bộ, công chức, viên chức): the whole break
 * from `from` to `to` (both included, weekends inside it too, as the announcements state them) and any
 * Saturdays worked in exchange for a swapped weekday ("làm bù"). It replaces everything computed for
 * `occasions` in that year.
 */
export interface AnnouncedSchedule {
  year: number;
  occasions: HolidayOccasion[];
  from: IsoDate;
  to: IsoDate;
  /** Name for the days of the break that are not themselves a holiday of the law (weekends, swapped days). */
  name: string;
  nameEn: string;
  makeUpWorkingDays: { date: IsoDate; replaces: IsoDate }[];
  source: string;
}

/**
 * Announced schedules, entered only where we are sure of the dates. Document numbers are given only where
 * we are sure of them too; otherwise the source is described (who announced what, for whom, when).
 * Years 2020–2022 and most of 2023–2025 agree with the computed defaults on which working days are off;
 * the entries still matter: they add the weekends the announcements count in the break (a centre that opens
 * on Saturday mornings is closed on them) and the make-up Saturdays of 2024 and 2025.
 *
 * Not entered (no schedule we are sure of): New Year's Day breaks (computed defaults are exact on working
 * days), and every schedule from 2026 on — those years use the computed defaults until someone adds the
 * announcement here.
 */
export const ANNOUNCED_SCHEDULES: readonly AnnouncedSchedule[] = [
  {
    year: 2020,
    occasions: ['tet'],
    from: '2020-01-23',
    to: '2020-01-29',
    name: 'Nghỉ Tết Canh Tý',
    nameEn: 'Lunar New Year break',
    makeUpWorkingDays: [],
    source:
      'Lịch nghỉ Tết Canh Tý 2020 cho cán bộ, công chức, viên chức do Thủ tướng Chính phủ quyết định, Bộ LĐTBXH thông báo: thứ Năm 23/01 (29 tháng Chạp) đến hết thứ Tư 29/01/2020 (mùng 5 tháng Giêng)',
  },
  {
    year: 2021,
    occasions: ['tet'],
    from: '2021-02-10',
    to: '2021-02-16',
    name: 'Nghỉ Tết Tân Sửu',
    nameEn: 'Lunar New Year break',
    makeUpWorkingDays: [],
    source:
      'Lịch nghỉ Tết Tân Sửu 2021 cho cán bộ, công chức, viên chức, Bộ LĐTBXH thông báo: thứ Tư 10/02 (29 tháng Chạp) đến hết thứ Ba 16/02/2021 (mùng 5 tháng Giêng)',
  },
  {
    year: 2021,
    occasions: ['national_day'],
    from: '2021-09-02',
    to: '2021-09-05',
    name: 'Nghỉ lễ Quốc khánh',
    nameEn: 'National Day break',
    makeUpWorkingDays: [],
    source:
      'Lịch nghỉ Quốc khánh 2021 cho cán bộ, công chức, viên chức, Bộ LĐTBXH thông báo: thứ Năm 02/9 và thứ Sáu 03/9/2021, cùng hai ngày nghỉ hằng tuần (đến hết 05/9)',
  },
  {
    year: 2022,
    occasions: ['tet'],
    from: '2022-01-29',
    to: '2022-02-06',
    name: 'Nghỉ Tết Nhâm Dần',
    nameEn: 'Lunar New Year break',
    makeUpWorkingDays: [],
    source:
      'Lịch nghỉ Tết Nhâm Dần 2022 cho cán bộ, công chức, viên chức, Bộ LĐTBXH thông báo: thứ Bảy 29/01 đến hết Chủ nhật 06/02/2022 (9 ngày, gồm nghỉ Tết, nghỉ bù và nghỉ hằng tuần)',
  },
  {
    year: 2022,
    occasions: ['national_day'],
    from: '2022-09-01',
    to: '2022-09-04',
    name: 'Nghỉ lễ Quốc khánh',
    nameEn: 'National Day break',
    makeUpWorkingDays: [],
    source:
      'Lịch nghỉ Quốc khánh 2022 cho cán bộ, công chức, viên chức, Bộ LĐTBXH thông báo: thứ Năm 01/9 và thứ Sáu 02/9/2022, cùng hai ngày nghỉ hằng tuần (đến hết 04/9)',
  },
  {
    year: 2023,
    occasions: ['tet'],
    from: '2023-01-20',
    to: '2023-01-26',
    name: 'Nghỉ Tết Quý Mão',
    nameEn: 'Lunar New Year break',
    makeUpWorkingDays: [],
    source:
      'Lịch nghỉ Tết Quý Mão 2023 cho cán bộ, công chức, viên chức, Bộ LĐTBXH thông báo: thứ Sáu 20/01 (29 tháng Chạp) đến hết thứ Năm 26/01/2023 (mùng 5 tháng Giêng)',
  },
  {
    year: 2023,
    occasions: ['national_day'],
    from: '2023-09-01',
    to: '2023-09-04',
    name: 'Nghỉ lễ Quốc khánh',
    nameEn: 'National Day break',
    makeUpWorkingDays: [],
    source:
      'Lịch nghỉ Quốc khánh 2023 cho cán bộ, công chức, viên chức, Bộ LĐTBXH thông báo: thứ Sáu 01/9 đến hết thứ Hai 04/9/2023 (01/9 là ngày liền kề, 04/9 nghỉ bù cho 02/9 thứ Bảy)',
  },
  {
    year: 2024,
    occasions: ['tet'],
    from: '2024-02-08',
    to: '2024-02-14',
    name: 'Nghỉ Tết Giáp Thìn',
    nameEn: 'Lunar New Year break',
    makeUpWorkingDays: [],
    source:
      'Lịch nghỉ Tết Giáp Thìn 2024 cho cán bộ, công chức, viên chức, Bộ LĐTBXH thông báo: thứ Năm 08/02 (29 tháng Chạp) đến hết thứ Tư 14/02/2024 (mùng 5 tháng Giêng)',
  },
  {
    year: 2024,
    occasions: ['reunification', 'labour_day'],
    from: '2024-04-27',
    to: '2024-05-01',
    name: 'Nghỉ lễ 30/4 – 1/5 (hoán đổi ngày làm việc)',
    nameEn: '30 April – 1 May break (swapped working day)',
    makeUpWorkingDays: [{ date: '2024-05-04', replaces: '2024-04-29' }],
    source:
      'Thủ tướng Chính phủ đồng ý hoán đổi ngày làm việc dịp 30/4–1/5/2024 cho cán bộ, công chức, viên chức (Bộ LĐTBXH thông báo): nghỉ thứ Bảy 27/4 đến hết thứ Tư 01/5/2024, làm bù thứ Bảy 04/5/2024 cho thứ Hai 29/4',
  },
  {
    year: 2024,
    occasions: ['national_day'],
    from: '2024-08-31',
    to: '2024-09-03',
    name: 'Nghỉ lễ Quốc khánh',
    nameEn: 'National Day break',
    makeUpWorkingDays: [],
    source:
      'Lịch nghỉ Quốc khánh 2024 cho cán bộ, công chức, viên chức, Bộ LĐTBXH thông báo: thứ Hai 02/9 và thứ Ba 03/9/2024, cùng hai ngày nghỉ hằng tuần (từ 31/8)',
  },
  {
    year: 2025,
    occasions: ['tet'],
    from: '2025-01-25',
    to: '2025-02-02',
    name: 'Nghỉ Tết Ất Tỵ',
    nameEn: 'Lunar New Year break',
    makeUpWorkingDays: [],
    source:
      'Lịch nghỉ Tết Ất Tỵ 2025 cho cán bộ, công chức, viên chức, Bộ LĐTBXH thông báo: thứ Bảy 25/01 đến hết Chủ nhật 02/02/2025 (9 ngày; 5 ngày Tết từ thứ Hai 27/01 đến thứ Sáu 31/01)',
  },
  {
    year: 2025,
    occasions: ['reunification', 'labour_day'],
    from: '2025-04-30',
    to: '2025-05-04',
    name: 'Nghỉ lễ 30/4 – 1/5 (hoán đổi ngày làm việc)',
    nameEn: '30 April – 1 May break (swapped working day)',
    makeUpWorkingDays: [{ date: '2025-04-26', replaces: '2025-05-02' }],
    source:
      'Thủ tướng Chính phủ đồng ý hoán đổi ngày làm việc dịp 30/4–1/5/2025 cho cán bộ, công chức, viên chức (Bộ Nội vụ thông báo): nghỉ thứ Tư 30/4 đến hết Chủ nhật 04/5/2025, làm bù thứ Bảy 26/4/2025 cho thứ Sáu 02/5',
  },
  {
    year: 2025,
    occasions: ['national_day'],
    from: '2025-08-30',
    to: '2025-09-02',
    name: 'Nghỉ lễ Quốc khánh',
    nameEn: 'National Day break',
    makeUpWorkingDays: [],
    source:
      'Lịch nghỉ Quốc khánh 2025 cho cán bộ, công chức, viên chức (Bộ Nội vụ thông báo): thứ Hai 01/9 và thứ Ba 02/9/2025, cùng hai ngày nghỉ hằng tuần (từ 30/8)',
  },
];
