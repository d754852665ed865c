/**
 * Directions links for a service point: a `geo:` URI (RFC 5870) that phones open in their map app, and
 * an OpenStreetMap walking route (FOSSGIS OSRM foot profile) from the citizen's origin.
 */
import type { LatLng } from '@pho-so/shared/contracts';

/** Six decimals (about 10 cm), without trailing zeros: stable, short URLs. */
function coordinate(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`a coordinate must be a finite number, not ${value}`);
  return String(Number(value.toFixed(6)));
}

function checkPoint({ lat, lng }: LatLng): void {
  if (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180)) throw new RangeError(`not a WGS84 point: ${lat},${lng}`);
}

/** `geo:20.456,106.339` */
export function geoUri(to: LatLng): string {
  checkPoint(to);
  return `geo:${coordinate(to.lat)},${coordinate(to.lng)}`;
}

/** A walking route on openstreetmap.org from `from` to `to`. */
export function openStreetMapWalkingDirectionsUrl(from: LatLng, to: LatLng): string {
  checkPoint(from);
  checkPoint(to);
  const route = `${coordinate(from.lat)}%2C${coordinate(from.lng)}%3B${coordinate(to.lat)}%2C${coordinate(to.lng)}`;
  return `https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=${route}`;
}

export interface DirectionsLinks {
  geoUri: string;
  openStreetMap: string;
}

export function directionsLinks(from: LatLng, to: LatLng): DirectionsLinks {
  return { geoUri: geoUri(to), openStreetMap: openStreetMapWalkingDirectionsUrl(from, to) };
}
