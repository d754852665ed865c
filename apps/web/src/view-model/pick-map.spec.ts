import { frameFromFields, pickedPoint, pickFrame, pickMapSvg, projectPoint, unprojectPoint } from './pick-map';

describe('pick map projection', () => {
  const frame = pickFrame({ lat: 20.4503, lng: 106.3421 });

  it('puts the centre in the middle of the image', () => {
    expect(projectPoint(frame, frame.centre)).toEqual({ x: frame.width / 2, y: frame.height / 2 });
  });

  it('north is up and east is right', () => {
    const p = projectPoint(frame, { lat: 20.451, lng: 106.343 });
    expect(p.x).toBeGreaterThan(frame.width / 2);
    expect(p.y).toBeLessThan(frame.height / 2);
  });

  it.each([
    [20.4503, 106.3421],
    [20.4521, 106.3399],
    [20.4489, 106.3448],
  ])('round trip: unproject(project(%f, %f)) is the same point to 1e-6', (lat, lng) => {
    const { x, y } = projectPoint(frame, { lat, lng });
    const back = unprojectPoint(frame, x, y);
    expect(back.lat).toBeCloseTo(lat, 6);
    expect(back.lng).toBeCloseTo(lng, 6);
  });

  it('round trip from pixels: project(unproject(x, y)) is within a tenth of a pixel', () => {
    for (const [x, y] of [
      [0, 0],
      [123, 45],
      [480, 300],
      [240, 150],
    ] as const) {
      const p = projectPoint(frame, unprojectPoint(frame, x, y));
      expect(Math.abs(p.x - x)).toBeLessThan(0.1);
      expect(Math.abs(p.y - y)).toBeLessThan(0.1);
    }
  });

  it('reads the frame and the click from form fields; refuses missing or absurd values', () => {
    const read = frameFromFields('20.4503', '106.3421', '0.006');
    expect(read).toEqual(frame);
    expect(frameFromFields('', '106', '0.006')).toBeNull();
    expect(frameFromFields('20', '106', '5')).toBeNull();
    expect(pickedPoint(read, '', '')).toBeNull();
    expect(pickedPoint(read, '240', '150')).toEqual(frame.centre);
    // A click outside the image (a forged value) is clamped to its edge.
    expect(pickedPoint(read, '9999', '150')).toEqual(unprojectPoint(frame, frame.width, 150));
  });

  it('draws a standalone SVG with the marker and escapes the label', () => {
    const svg = pickMapSvg(frame, frame.centre, '<b>&');
    expect(svg).toContain('<circle cx="240.0" cy="150.0"');
    expect(svg).toContain('&#60;b&#62;&#38;');
  });
});
