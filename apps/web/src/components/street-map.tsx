import type { Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import type { StreetMapSketch } from '../view-model/street-map';

/** The inline SVG sketch: street line, the scanned plate (ring) and numbered centres. */
export function StreetMap({ locale, sketch, streetName, osmUrl }: { locale: Locale; sketch: StreetMapSketch; streetName: string; osmUrl: string }) {
  const t = messagesFor(locale).street;
  return (
    <figure className="map">
      <svg viewBox={`0 0 ${sketch.width} ${sketch.height}`} role="img" aria-label={t.mapAlt(streetName)} className="map-svg">
        <rect width={sketch.width} height={sketch.height} className="map-bg" />
        {sketch.streetPath ? <path d={sketch.streetPath} className="map-street" /> : null}
        {sketch.servicePoints.map((point) => (
          <g key={point.label}>
            <circle cx={point.x} cy={point.y} r="9" className="map-point" />
            <text x={point.x} y={point.y + 4} textAnchor="middle" className="map-label">
              {point.label}
            </text>
          </g>
        ))}
        {sketch.plate ? <circle cx={sketch.plate.x} cy={sketch.plate.y} r="6" className="map-plate" /> : null}
      </svg>
      <figcaption className="small">
        {t.mapCaption}{' '}
        <a href={osmUrl} rel="noopener">
          {t.openInOsm}
        </a>
      </figcaption>
    </figure>
  );
}
