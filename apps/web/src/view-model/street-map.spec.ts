import { openStreetMapUrl, sketchStreetMap } from './street-map';

const line = { type: 'LineString' as const, coordinates: [[106.3198, 20.4274], [106.3246, 20.4266]] as const };

describe('sketchStreetMap', () => {
  it('fits the street, the plate and the points inside the canvas with padding', () => {
    const sketch = sketchStreetMap({
      geometry: line,
      ends: [],
      plate: { lat: 20.4274, lng: 106.3198 },
      servicePoints: [
        { label: '1', point: { lat: 20.427, lng: 106.32 } },
        { label: '2', point: { lat: 20.445, lng: 106.322 } },
      ],
    });
    expect(sketch).not.toBeNull();
    const markers = [sketch!.plate!, ...sketch!.servicePoints];
    for (const { x, y } of markers) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(sketch!.width);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(sketch!.height);
    }
    expect(sketch!.streetPath).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
  });

  it('draws north up: a point further north is higher on the canvas', () => {
    const sketch = sketchStreetMap({
      geometry: null,
      ends: [],
      plate: null,
      servicePoints: [
        { label: 'south', point: { lat: 20.42, lng: 106.32 } },
        { label: 'north', point: { lat: 20.44, lng: 106.32 } },
      ],
    })!;
    const [south, north] = sketch.servicePoints;
    expect(north!.y).toBeLessThan(south!.y);
  });

  it('draws a straight line between the ends when there is no geometry, and nothing when there is nothing', () => {
    const sketch = sketchStreetMap({ geometry: null, ends: [{ lat: 20.42, lng: 106.31 }, { lat: 20.43, lng: 106.32 }], plate: null, servicePoints: [] });
    expect(sketch?.streetPath).toMatch(/^M.+L.+$/);
    expect(sketchStreetMap({ geometry: null, ends: [], plate: null, servicePoints: [] })).toBeNull();
  });

  it('does not zoom absurdly on a single point', () => {
    const sketch = sketchStreetMap({ geometry: null, ends: [], plate: { lat: 20.42, lng: 106.31 }, servicePoints: [] })!;
    expect(sketch.plate).toEqual({ label: '', x: sketch.width / 2, y: sketch.height / 2 });
  });
});

describe('openStreetMapUrl', () => {
  it('centres the map on the point with a marker', () => {
    expect(openStreetMapUrl({ lat: 20.427, lng: 106.32 })).toBe('https://www.openstreetmap.org/?mlat=20.427000&mlon=106.320000#map=16/20.427000/106.320000');
  });
});
