/**
 * Walking time from a straight-line distance.
 *
 * Model: walking speed 4.5 km/h (75 m a minute, an unhurried adult pace in town), and a detour factor
 * of 1.3 over the great-circle distance, since streets do not run straight to the door (a usual ratio
 * of street-network to straight-line distance in towns). Minutes are rounded up, so "5 minutes" is
 * never an underestimate of the model. It is an estimate: routing on the street network is left to the
 * directions link.
 */
export const WALKING_SPEED_KMH = 4.5;
export const WALKING_DETOUR_FACTOR = 1.3;

const METRES_PER_MINUTE = (WALKING_SPEED_KMH * 1000) / 60;

/** Walking minutes for a great-circle distance in metres (≥ 0), rounded up. */
export function walkingMinutes(distanceM: number): number {
  if (!Number.isFinite(distanceM) || distanceM < 0) throw new RangeError(`a distance in metres must be a finite number ≥ 0, not ${distanceM}`);
  const minutes = (distanceM * WALKING_DETOUR_FACTOR) / METRES_PER_MINUTE;
  // Floating point turns an exact 13 into 13.000000000000002; that must not become 14.
  return Math.max(0, Math.ceil(minutes - 1e-9));
}

const decimalComma = (n: number) => String(n).replace('.', ',');

/** The model in words, for API documentation and pages. */
export const WALKING_MODEL_DESCRIPTION = {
  en: `Estimated at ${WALKING_SPEED_KMH} km/h over ${WALKING_DETOUR_FACTOR} × the straight-line distance, rounded up to the minute.`,
  vi: `Ước tính với tốc độ đi bộ ${decimalComma(WALKING_SPEED_KMH)} km/h trên quãng đường bằng ${decimalComma(WALKING_DETOUR_FACTOR)} lần khoảng cách đường chim bay, làm tròn lên theo phút.`,
} as const;
