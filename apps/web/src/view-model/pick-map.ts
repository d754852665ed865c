// The service point editor's map picker without JavaScript: the street-map style sketch (same
// equirectangular projection as street-map.ts) drawn as the image of an <input type="image">, whose
// click arrives as pick.x / pick.y (CSS pixels from the image's top-left corner); the route handler turns
// them back into a latitude and longitude with the inverse projection. The frame (centre, span) travels
// in hidden fields so the inverse uses exactly the frame the official clicked on.
import type { LatLngPoint } from '@pho-so/shared/domain';

export const PICK_MAP_WIDTH = 480;
export const PICK_MAP_HEIGHT = 300;
/** Degrees of latitude the frame shows top to bottom (~660 m). */
export const PICK_MAP_SPAN_DEG = 0.006;

export interface PickFrame {
  centre: LatLngPoint;
  /** Degrees of latitude from the top edge to the bottom edge. */
  spanLat: number;
  width: number;
  height: number;
}

export function pickFrame(centre: LatLngPoint, spanLat = PICK_MAP_SPAN_DEG): PickFrame {
  return { centre, spanLat, width: PICK_MAP_WIDTH, height: PICK_MAP_HEIGHT };
}

/** Pixels per degree of latitude; a degree of longitude is cos(latitude) of that, as in street-map.ts. */
const scaleOf = (frame: PickFrame) => frame.height / frame.spanLat;
const lngScaleOf = (frame: PickFrame) => Math.cos((frame.centre.lat * Math.PI) / 180);

export function projectPoint(frame: PickFrame, point: LatLngPoint): { x: number; y: number } {
  const scale = scaleOf(frame);
  return {
    x: frame.width / 2 + (point.lng - frame.centre.lng) * lngScaleOf(frame) * scale,
    y: frame.height / 2 - (point.lat - frame.centre.lat) * scale,
  };
}

/** The inverse of projectPoint, rounded to 6 decimals (~0.1 m). */
export function unprojectPoint(frame: PickFrame, x: number, y: number): LatLngPoint {
  const scale = scaleOf(frame);
  const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    lat: round6(frame.centre.lat - (y - frame.height / 2) / scale),
    lng: round6(frame.centre.lng + (x - frame.width / 2) / (lngScaleOf(frame) * scale)),
  };
}

/** The frame from the form's hidden fields, or null when they are missing or absurd. */
export function frameFromFields(lat: string, lng: string, span: string): PickFrame | null {
  if (lat.trim() === '' || lng.trim() === '' || span.trim() === '') return null;
  const [a, b, s] = [Number(lat), Number(lng), Number(span)];
  if (![a, b, s].every(Number.isFinite) || Math.abs(a) > 85 || Math.abs(b) > 180 || s <= 0 || s > 1) return null;
  return pickFrame({ lat: a, lng: b }, s);
}

/** The click of an <input type="image" name="pick">, or null when the form was not sent by it. */
export function pickedPoint(frame: PickFrame | null, x: string, y: string): LatLngPoint | null {
  if (!frame || x === '' || y === '') return null;
  const [px, py] = [Number(x), Number(y)];
  if (!Number.isFinite(px) || !Number.isFinite(py)) return null;
  const clamp = (n: number, max: number) => Math.min(Math.max(n, 0), max);
  return unprojectPoint(frame, clamp(px, frame.width), clamp(py, frame.height));
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The sketch as a standalone SVG (an image cannot use the page's CSS): grid, the marker, a scale bar. */
export function pickMapSvg(frame: PickFrame, marker: LatLngPoint | null, label: string): string {
  const { width, height } = frame;
  const grid: string[] = [];
  for (let i = 1; i < 6; i++) grid.push(`<path d="M${(width * i) / 6} 0V${height}M0 ${(height * i) / 6}H${width}" stroke="#c9d3dd" stroke-width="1"/>`);
  const m = marker ? projectPoint(frame, marker) : null;
  // 100 m of latitude ≈ 0.000899°.
  const bar = (0.000899 * height) / frame.spanLat;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(label)}</title>`,
    `<rect width="${width}" height="${height}" fill="#eef2f6"/>`,
    ...grid,
    `<path d="M${width / 2 - 8} ${height / 2}H${width / 2 + 8}M${width / 2} ${height / 2 - 8}V${height / 2 + 8}" stroke="#5b6b7b" stroke-width="1"/>`,
    m ? `<circle cx="${m.x.toFixed(1)}" cy="${m.y.toFixed(1)}" r="8" fill="#b3261e" stroke="#fff" stroke-width="2"/>` : '',
    `<path d="M10 ${height - 12}H${(10 + bar).toFixed(1)}" stroke="#1b2733" stroke-width="3"/>`,
    `<text x="10" y="${height - 18}" font-size="11" font-family="sans-serif" fill="#1b2733">100 m</text>`,
    `</svg>`,
  ].join('');
}

export const svgDataUri = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
