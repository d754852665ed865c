import { assetMeta, geometry, round, type QrAsset, type QrGeometryOptions } from './asset';
import { darkRuns, type QrMatrix } from './matrix';

/**
 * The symbol as SVG for sign makers: one `<path>` of run-length horizontal segments (one subpath per
 * run of dark modules), on a white square that includes the quiet zone. The viewBox is in modules, so
 * coordinates are integers and edges fall on module boundaries; width and height are the printed size
 * in mm. No timestamps, ids or floats from the renderer: the same matrix gives the same bytes.
 */
export function renderSvg(matrix: QrMatrix, options: QrGeometryOptions = {}): QrAsset {
  const geo = geometry(matrix, options);
  const { quietZone: q, totalModules: n } = geo;
  let d = '';
  for (let y = 0; y < matrix.size; y++) {
    for (const [x, length] of darkRuns(matrix, y)) d += `M${x + q} ${y + q}h${length}v1h-${length}z`;
  }
  const mm = `${round(geo.printSizeMm)}mm`;
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${mm}" height="${mm}" viewBox="0 0 ${n} ${n}" ` +
    `shape-rendering="crispEdges">` +
    `<title>${matrix.payload}</title>` +
    `<rect width="${n}" height="${n}" fill="#fff"/>` +
    `<path fill="#000" d="${d}"/>` +
    `</svg>\n`;
  const bytes = Buffer.from(svg, 'utf8');
  return { bytes, meta: assetMeta(matrix, 'svg', 'image/svg+xml', bytes, geo) };
}
