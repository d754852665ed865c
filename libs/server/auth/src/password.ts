import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id parameters. OWASP's minimum is m=19 MiB, t=2, p=1; these are exactly that, and a hash
 * stored with other parameters is rehashed at the next successful login (`needsRehash`).
 */
export interface Argon2Params {
  /** KiB */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const OWASP_ARGON2ID: Readonly<Argon2Params> = Object.freeze({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });

/**
 * Passwords are Unicode-normalised (NFKC) before hashing and counting, so "Phố" typed with a
 * combining accent on one keyboard and precomposed on another is the same password.
 */
export const normalizePassword = (password: string): string => password.normalize('NFKC');

export class PasswordHasher {
  constructor(readonly params: Readonly<Argon2Params> = OWASP_ARGON2ID) {
    if (params.memoryCost < OWASP_ARGON2ID.memoryCost || params.timeCost < OWASP_ARGON2ID.timeCost || params.parallelism < 1) {
      throw new Error('argon2id parameters below OWASP minimum (m=19456 KiB, t=2, p=1)');
    }
  }

  /** The PHC-encoded hash (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), with a fresh 16-byte salt. */
  hash(password: string): Promise<string> {
    return hash(normalizePassword(password), { algorithm: Algorithm.Argon2id, ...this.params });
  }

  /** False for a wrong password and for anything that is not an argon2 hash (never throws on bad input). */
  async verify(encoded: string, password: string): Promise<boolean> {
    try {
      return await verify(encoded, normalizePassword(password));
    } catch {
      return false;
    }
  }

  /** True when the hash is not argon2id with exactly this hasher's parameters. */
  needsRehash(encoded: string): boolean {
    const parsed = parsePhc(encoded);
    return (
      !parsed ||
      parsed.algorithm !== 'argon2id' ||
      parsed.version !== 19 ||
      parsed.memoryCost !== this.params.memoryCost ||
      parsed.timeCost !== this.params.timeCost ||
      parsed.parallelism !== this.params.parallelism
    );
  }
}

/** Reads the algorithm and parameters of a PHC-encoded argon2 hash; null when it is not one. */
export function parsePhc(encoded: string): ({ algorithm: string; version: number } & Argon2Params) | null {
  const match = /^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(encoded);
  if (!match) return null;
  const [, algorithm, version, m, t, p] = match;
  return { algorithm: algorithm!, version: Number(version), memoryCost: Number(m), timeCost: Number(t), parallelism: Number(p) };
}
