import { processingTimeSchema } from '@pho-so/shared/contracts';
import { parseProcessingTime } from './processing-time';

describe('parseProcessingTime', () => {
  it.each([
    ['1 Ngày làm việc', 1, 'working_days'],
    ['5 ngày làm việc', 5, 'working_days'],
    ['15 Ngày', 15, 'days'],
    ['4 Giờ', 4, 'hours'],
    ['2 Tháng', 2, 'months'],
    ['07 Ngày làm việc', 7, 'working_days'],
    ['0,5 Ngày', 0.5, 'days'],
    ['  3   Ngày   làm việc. ', 3, 'working_days'],
  ])('reads "%s" as %d %s', (raw, value, unit) => {
    expect(parseProcessingTime(raw)).toEqual({ raw: raw.replace(/\s+/g, ' ').trim(), value, unit });
  });

  it('keeps a bare number without a unit: never guesses one', () => {
    expect(parseProcessingTime('1')).toEqual({ raw: '1', value: 1, unit: null });
    expect(parseProcessingTime('0')).toEqual({ raw: '0', value: 0, unit: null });
    expect(parseProcessingTime(' 12 ')).toEqual({ raw: '12', value: 12, unit: null });
  });

  it.each(['Không có thông tin', '', 'Trong ngày', '4 Giờ làm việc', '5 ngày làm việc kể từ ngày nhận đủ hồ sơ', '3 tuần', 'Ngày 5'])(
    'gives neither value nor unit for "%s", keeping the text',
    (raw) => {
      expect(parseProcessingTime(raw)).toEqual({ raw: raw.trim(), value: null, unit: null });
    },
  );

  it('treats decomposed (NFD) Vietnamese like composed text', () => {
    expect(parseProcessingTime('2 Ngày làm việc'.normalize('NFD'))).toEqual({ raw: '2 Ngày làm việc', value: 2, unit: 'working_days' });
  });

  it('always returns what the record schema accepts', () => {
    for (const raw of ['1', '1 Ngày làm việc', 'Không có thông tin', '4 Giờ']) expect(processingTimeSchema.parse(parseProcessingTime(raw))).toBeTruthy();
  });
});
