import { haversineMetres, lineLengthMetres, lineMidpoint, type LineGeometry } from './line-midpoint';

describe('haversineMetres', () => {
  it('measures one degree of latitude as about 111.2 km', () => {
    expect(Math.round(haversineMetres({ lat: 20, lng: 106.34 }, { lat: 21, lng: 106.34 }))).toBe(111_195);
  });

  it('is zero between a point and itself, and symmetric', () => {
    const a = { lat: 20.45, lng: 106.34 };
    const b = { lat: 20.451, lng: 106.342 };
    expect(haversineMetres(a, a)).toBe(0);
    expect(haversineMetres(a, b)).toBeCloseTo(haversineMetres(b, a), 9);
  });
});

describe('lineMidpoint', () => {
  it('gives the middle of a single segment', () => {
    const mid = lineMidpoint({ type: 'LineString', coordinates: [[106.3, 20.4], [106.4, 20.4]] });
    expect(mid?.lat).toBeCloseTo(20.4, 9);
    expect(mid?.lng).toBeCloseTo(106.35, 9);
  });

  it('walks along the line: half of the length lies on each side, whatever the vertices', () => {
    // A long first segment and three short ones: the middle vertex would be far from half-way.
    const line: LineGeometry = {
      type: 'LineString',
      coordinates: [[106.30, 20.45], [106.33, 20.45], [106.331, 20.451], [106.332, 20.452], [106.333, 20.453]],
    };
    const mid = lineMidpoint(line);
    expect(mid).not.toBeNull();
    const total = lineLengthMetres(line);
    const before = haversineMetres({ lat: 20.45, lng: 106.3 }, mid!);
    expect(before).toBeCloseTo(total / 2, 1);
    expect(mid?.lat).toBeCloseTo(20.45, 9); // still on the first, long segment
  });

  it('finds the half-way point inside a later segment', () => {
    // 1 km east, then 3 km north: half-way (2 km) is 1 km up the second segment.
    const east = 1000 / haversineMetres({ lat: 0, lng: 0 }, { lat: 0, lng: 1 });
    const north = 1000 / haversineMetres({ lat: 0, lng: 0 }, { lat: 1, lng: 0 });
    const mid = lineMidpoint({ type: 'LineString', coordinates: [[0, 0], [east, 0], [east, 3 * north]] });
    expect(mid?.lng).toBeCloseTo(east, 9);
    expect(mid?.lat).toBeCloseTo(north, 6);
  });

  it('walks the parts of a multi-line in order, skipping the gap between them', () => {
    const north = 1000 / haversineMetres({ lat: 0, lng: 0 }, { lat: 1, lng: 0 });
    // Two 1 km parts far apart: half-way is the end of the first part, not somewhere in the gap.
    const mid = lineMidpoint({
      type: 'MultiLineString',
      coordinates: [
        [[0, 0], [0, north]],
        [[5, 0], [5, north]],
      ],
    });
    expect(mid?.lng).toBeCloseTo(0, 9);
    expect(mid?.lat).toBeCloseTo(north, 9);
  });

  it('gives the first position of a line of zero length, and null for no positions', () => {
    expect(lineMidpoint({ type: 'LineString', coordinates: [[106.3, 20.4], [106.3, 20.4]] })).toEqual({ lat: 20.4, lng: 106.3 });
    expect(lineMidpoint({ type: 'MultiLineString', coordinates: [] })).toBeNull();
  });

  it('measures a demo street to the length the dataset states (Trần Hưng Đạo, 563 m)', () => {
    const line: LineGeometry = {
      type: 'LineString',
      coordinates: [[106.31797, 20.447479], [106.318872, 20.449753], [106.319268, 20.451], [106.319931, 20.451], [106.32069, 20.451]],
    };
    expect(Math.round(lineLengthMetres(line))).toBe(563);
    const mid = lineMidpoint(line)!;
    const start = { lat: 20.447479, lng: 106.31797 };
    // The midpoint lies on the line, between the ends.
    expect(mid.lat).toBeGreaterThan(start.lat);
    expect(mid.lat).toBeLessThanOrEqual(20.451);
  });
});
