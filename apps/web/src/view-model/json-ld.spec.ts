import { weekSchedule } from '@pho-so/shared/domain';
import { closedDaysSpecification, openingHoursSpecification, serializeJsonLd } from './json-ld';

describe('openingHoursSpecification', () => {
  it('groups the days sharing an interval, as schema.org expects', () => {
    const spec = openingHoursSpecification(weekSchedule('Mo-Fr 07:30-11:30,13:30-17:00; Sa 07:30-11:30'));
    expect(spec).toEqual([
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map((d) => `https://schema.org/${d}`),
        opens: '07:30',
        closes: '11:30',
      },
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((d) => `https://schema.org/${d}`),
        opens: '13:30',
        closes: '17:00',
      },
    ]);
  });
});

describe('closedDaysSpecification', () => {
  it('writes a day off as opens = closes = 00:00 on that date', () => {
    expect(closedDaysSpecification([{ date: '2026-09-02', kind: 'holiday', name: 'Quốc khánh', nameEn: 'National Day', source: 'x' }])).toEqual([
      { '@type': 'OpeningHoursSpecification', validFrom: '2026-09-02', validThrough: '2026-09-02', opens: '00:00', closes: '00:00', description: 'Quốc khánh' },
    ]);
  });
});

describe('serializeJsonLd', () => {
  it('cannot close its script element', () => {
    const text = serializeJsonLd({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('</script');
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});
