import { parsePlateCode } from '@pho-so/shared/domain';

/**
 * The characters of the QR alphanumeric mode (ISO/IEC 18004 §7.4.4): 45 symbols, 5.5 bits each,
 * against 8 bits in byte mode. A payload made only of these gets a smaller symbol, so larger modules
 * at the same printed size.
 */
export const QR_ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

export class QrPayloadError extends Error {
  override readonly name = 'QrPayloadError';
}

/**
 * What a plate's QR code encodes: `{PUBLIC_BASE_URL}/Q/{CODE}`, upper-cased entirely.
 *
 * Scheme and host are case-insensitive, so `HTTPS://PHOSO.HUNGYEN.GOV.VN/Q/TB-233AC` opens the same
 * site as its lower-case form, and the web app resolves `/Q/{CODE}` case-insensitively. A path in the
 * base URL is upper-cased too, so a deployment under a sub-path must serve it case-insensitively.
 * A base URL with characters outside the alphanumeric set once upper-cased (`_ ? # & = ~ @`, say)
 * is refused: the payload would silently fall back to byte mode and a larger symbol.
 */
export function qrPayload(publicBaseUrl: string, canonicalCode: string): string {
  const parsed = parsePlateCode(canonicalCode);
  if (!parsed.ok) throw new QrPayloadError(`"${canonicalCode}" is not a plate code (${parsed.reason})`);
  let url: URL;
  try {
    url = new URL(publicBaseUrl);
  } catch {
    throw new QrPayloadError(`PUBLIC_BASE_URL "${publicBaseUrl}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new QrPayloadError(`PUBLIC_BASE_URL "${publicBaseUrl}" must be http(s)`);
  }
  const base = publicBaseUrl.trim().replace(/\/+$/, '');
  const payload = `${base}/Q/${parsed.code}`.toUpperCase();
  if (!QR_ALPHANUMERIC.test(payload)) {
    const bad = [...new Set([...payload].filter((c) => !QR_ALPHANUMERIC.test(c)))].join(' ');
    throw new QrPayloadError(
      `PUBLIC_BASE_URL "${publicBaseUrl}" has characters outside the QR alphanumeric set once upper-cased ` +
        `(${bad}); the plate payload must use only 0-9 A-Z space $ % * + - . / :`,
    );
  }
  return payload;
}

/** The short URL printed as text on the plate, for people: lower-case host, no scheme. */
export function displayUrl(payload: string): string {
  const match = /^HTTPS?:\/\/([^/]+)(\/.*)?\/Q\/([^/]+)$/.exec(payload);
  if (!match) return payload;
  return `${(match[1] ?? '').toLowerCase()}${(match[2] ?? '').toLowerCase()}/q/${match[3] ?? ''}`;
}
