/**
 * Plate codes: `{PREFIX}-{BODY}{CHECK}`, e.g. `TB-233AC`. Each city has its own prefix (2–4 letters).
 *
 * The alphabet leaves out 0/O, 1/I/L, which people confuse when reading a weathered plate. It has
 * 31 symbols, a prime, so a weighted sum mod 31 with distinct non-zero weights catches every single
 * wrong character and every swap of two neighbouring characters (including the check itself). The
 * prefix is inside the sum: a mistyped prefix must not land on the same body of another city's plate.
 */
export const PLATE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const MODULUS = PLATE_ALPHABET.length; // 31, prime
export const PLATE_BODY_LENGTH = 4;
/**
 * Weights: the check character 1, the body characters 2–5 (left to right), the prefix characters 6–9
 * counted from the one next to the hyphen. All distinct and non-zero mod 31.
 */
const BODY_WEIGHTS = [2, 3, 4, 5] as const;
const PREFIX_WEIGHTS = [6, 7, 8, 9] as const;

const PREFIX_PATTERN = new RegExp(`^[${PLATE_ALPHABET.replace(/[0-9]/g, '')}]{2,4}$`);

function valueOf(char: string): number {
  const v = PLATE_ALPHABET.indexOf(char);
  if (v < 0) throw new RangeError(`"${char}" is not in the plate alphabet`);
  return v;
}

export function isValidPlatePrefix(prefix: string): boolean {
  return PREFIX_PATTERN.test(prefix);
}

export function plateCheckCharacter(prefix: string, body: string): string {
  if (!isValidPlatePrefix(prefix)) throw new RangeError(`invalid plate prefix "${prefix}"`);
  if (body.length !== PLATE_BODY_LENGTH) throw new RangeError(`a plate body has ${PLATE_BODY_LENGTH} characters`);
  let sum = 0;
  for (let i = 0; i < PLATE_BODY_LENGTH; i++) sum += (BODY_WEIGHTS[i] ?? 0) * valueOf(body.charAt(i));
  for (let i = 0; i < prefix.length; i++) sum += (PREFIX_WEIGHTS[i] ?? 0) * valueOf(prefix.charAt(prefix.length - 1 - i));
  // Choose c so that sum + 1*c ≡ 0 (mod 31).
  return PLATE_ALPHABET.charAt((MODULUS - (sum % MODULUS)) % MODULUS);
}

/** The n-th plate code of a prefix (n ≥ 0): a stable, sequential numbering. */
export function plateCodeFromSerial(prefix: string, serial: number): string {
  if (!isValidPlatePrefix(prefix)) throw new RangeError(`invalid plate prefix "${prefix}"`);
  if (!Number.isInteger(serial) || serial < 0 || serial >= MODULUS ** PLATE_BODY_LENGTH) {
    throw new RangeError(`plate serial out of range: ${serial}`);
  }
  let body = '';
  let rest = serial;
  for (let i = 0; i < PLATE_BODY_LENGTH; i++) {
    body = PLATE_ALPHABET.charAt(rest % MODULUS) + body;
    rest = Math.floor(rest / MODULUS);
  }
  return `${prefix}-${body}${plateCheckCharacter(prefix, body)}`;
}

export type PlateCodeParse =
  | { ok: true; code: string; prefix: string; body: string }
  | { ok: false; reason: 'malformed' | 'bad_check_character' };

/**
 * Reads a code as a person or a QR payload gives it: any case, spaces and hyphens anywhere.
 * Returns the canonical form, or why it is not a plate code.
 */
export function parsePlateCode(input: string): PlateCodeParse {
  const compact = input.toUpperCase().replace(/[\s-]+/g, '');
  const match = /^([A-Z]{2,4}?)([0-9A-Z]{5})$/.exec(compact);
  if (!match) return { ok: false, reason: 'malformed' };
  const prefix = match[1] ?? '';
  const rest = match[2] ?? '';
  if (!isValidPlatePrefix(prefix)) return { ok: false, reason: 'malformed' };
  if ([...rest].some((c) => !PLATE_ALPHABET.includes(c))) return { ok: false, reason: 'malformed' };
  const body = rest.slice(0, PLATE_BODY_LENGTH);
  const check = rest.slice(PLATE_BODY_LENGTH);
  if (plateCheckCharacter(prefix, body) !== check) return { ok: false, reason: 'bad_check_character' };
  return { ok: true, code: `${prefix}-${body}${check}`, prefix, body };
}
