import { haversineMetres as haversineBetween } from '@pho-so/shared/domain';
import { lengthMetres, mergeLines, type Position } from './geo';

const haversineMetres = ([lng1, lat1]: Position, [lng2, lat2]: Position) => haversineBetween({ lat: lat1, lng: lng1 }, { lat: lat2, lng: lng2 });

describe('haversineMetres', () => {
  it('measures one degree of latitude as 1/360 of the mean meridian circle', () => {
    expect(Math.round(haversineMetres([106.34, 20], [106.34, 21]))).toBe(111_195);
  });

  it('shrinks longitude by the cosine of latitude', () => {
    const metres = haversineMetres([106, 20.45], [106.001, 20.45]);
    expect(metres).toBeCloseTo(111_195 * 0.001 * Math.cos((20.45 * Math.PI) / 180), 0);
  });

  it('is zero between a point and itself', () => {
    expect(haversineMetres([106.34, 20.45], [106.34, 20.45])).toBe(0);
  });
});

describe('lengthMetres', () => {
  it('sums every segment of every part', () => {
    const a: Position[] = [[106, 20], [106, 20.001], [106, 20.002]];
    const b: Position[] = [[107, 20], [107, 20.001]];
    expect(lengthMetres([a, b])).toBeCloseTo(3 * 111.195, 1);
  });
});

describe('mergeLines', () => {
  const p = (n: number): Position => [106 + n / 1000, 20];

  it('joins ways that meet end to start, in either direction', () => {
    expect(mergeLines([[p(0), p(1)], [p(2), p(1)], [p(2), p(3)]])).toEqual([[p(0), p(1), p(2), p(3)]]);
    expect(mergeLines([[p(1), p(2)], [p(0), p(1)]])).toEqual([[p(0), p(1), p(2)]]);
    expect(mergeLines([[p(1), p(2)], [p(1), p(0)]])).toEqual([[p(2), p(1), p(0)]]);
  });

  it('keeps ways that touch nothing as separate parts, in order of appearance', () => {
    expect(mergeLines([[p(0), p(1)], [p(5), p(6)], [p(1), p(2)]])).toEqual([
      [p(0), p(1), p(2)],
      [p(5), p(6)],
    ]);
  });

  it('does not modify its input', () => {
    const input: Position[][] = [[p(0), p(1)], [p(1), p(2)]];
    mergeLines(input);
    expect(input).toEqual([[p(0), p(1)], [p(1), p(2)]]);
  });
});
