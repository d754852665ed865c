import { Algorithm, hash } from '@node-rs/argon2';
import {
  ACCOUNT_THROTTLE,
  checkPassword,
  delayAfter,
  LoginThrottle,
  MemoryThrottleStore,
  OWASP_ARGON2ID,
  parsePhc,
  PasswordHasher,
  sessionIdOf,
  sessionState,
  newSessionToken,
  tokensEqual,
  type ThrottleKey,
} from './index';

describe('PasswordHasher (argon2id)', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id at OWASP parameters (m=19456 KiB, t=2, p=1) and a fresh salt', async () => {
    const a = await hasher.hash('correct horse battery staple');
    const b = await hasher.hash('correct horse battery staple');
    expect(parsePhc(a)).toEqual({ algorithm: 'argon2id', version: 19, ...OWASP_ARGON2ID });
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
  });

  it('verifies the right password, refuses a wrong one, and never throws on a malformed hash', async () => {
    const encoded = await hasher.hash('correct horse battery staple');
    await expect(hasher.verify(encoded, 'correct horse battery staple')).resolves.toBe(true);
    await expect(hasher.verify(encoded, 'correct horse battery stapl')).resolves.toBe(false);
    await expect(hasher.verify('not a hash', 'x')).resolves.toBe(false);
  });

  it('treats precomposed and combining Vietnamese accents as the same password (NFKC)', async () => {
    const encoded = await hasher.hash('Phố Số mười hai ký tự');
    await expect(hasher.verify(encoded, 'Phố Số mười hai ký tự'.normalize('NFD'))).resolves.toBe(true);
  });

  it('asks for a rehash when the parameters or the algorithm differ, not when they match', async () => {
    expect(hasher.needsRehash(await hasher.hash('correct horse battery staple'))).toBe(false);
    const stronger = new PasswordHasher({ memoryCost: 32_768, timeCost: 3, parallelism: 1 });
    const current = await hasher.hash('correct horse battery staple');
    expect(stronger.needsRehash(current)).toBe(true);
    const argon2i = await hash('correct horse battery staple', { algorithm: Algorithm.Argon2i, ...OWASP_ARGON2ID });
    expect(hasher.needsRehash(argon2i)).toBe(true);
    expect(hasher.needsRehash('$2b$10$bcrypt-looking-hash')).toBe(true);
  });

  it('refuses parameters below the OWASP minimum', () => {
    expect(() => new PasswordHasher({ memoryCost: 4096, timeCost: 2, parallelism: 1 })).toThrow(/OWASP/);
    expect(() => new PasswordHasher({ memoryCost: 19_456, timeCost: 1, parallelism: 1 })).toThrow(/OWASP/);
  });
});

describe('password policy', () => {
  it('refuses 11 characters and accepts 12', () => {
    expect(checkPassword('abcdefghjk1')).toMatchObject({ ok: false, problem: 'too-short' });
    expect(checkPassword('abcdefghjk1z')).toEqual({ ok: true });
  });

  it('counts characters, not UTF-16 units or bytes (Vietnamese, emoji)', () => {
    expect(checkPassword('đường phố ơi').ok).toBe(true); // 12 characters
    expect(checkPassword('🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑')).toMatchObject({ ok: false, problem: 'too-short' });
  });

  it('refuses a common password from the shipped list, whatever its case', () => {
    expect(checkPassword('qwerty123456')).toMatchObject({ ok: false, problem: 'common' });
    expect(checkPassword('1Qaz2wsx3edc')).toMatchObject({ ok: false, problem: 'common' });
  });

  it('refuses more than 256 characters and the account email; says why in English and Vietnamese', () => {
    const verdict = checkPassword('x'.repeat(257));
    expect(verdict).toMatchObject({ ok: false, problem: 'too-long' });
    expect(verdict.message?.en).toContain('256');
    expect(verdict.message?.vi).toContain('256');
    expect(checkPassword('canbo.phuong@thaibinh.vn', { email: 'CanBo.Phuong@thaibinh.vn' })).toMatchObject({ problem: 'same-as-email' });
  });

  it('has no composition rules: a long lower-case passphrase is fine', () => {
    expect(checkPassword('sông trà lý chảy qua thành phố').ok).toBe(true);
  });
});

describe('session tokens', () => {
  it('stores only the SHA-256 of a 32-byte random token', () => {
    const { token, id } = newSessionToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionIdOf(token)).toBe(id);
    expect(id).not.toContain(token);
  });

  it('expires on idle and on the absolute deadline', () => {
    const t0 = new Date('2026-01-01T08:00:00Z');
    const at = (min: number) => new Date(t0.getTime() + min * 60_000);
    const session = { createdAt: t0, lastSeenAt: at(100), expiresAt: at(720) };
    const idle = 30 * 60_000;
    expect(sessionState(session, at(129), idle)).toBe('valid');
    expect(sessionState(session, at(130), idle)).toBe('idle-expired');
    expect(sessionState({ ...session, lastSeenAt: at(715) }, at(720), idle)).toBe('absolute-expired');
  });

  it('compares tokens exactly', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abd')).toBe(false);
    expect(tokensEqual('abc', 'abcd')).toBe(false);
  });
});

describe('LoginThrottle (injected clock)', () => {
  it('lets 5 failures through, then waits 1 s, 2 s, 4 s … capped at 15 min, and never locks out', async () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle(new MemoryThrottleStore(() => now), () => now);
    const keys: ThrottleKey[] = [{ key: 'account:a@b.vn', policy: ACCOUNT_THROTTLE }];
    const waits: number[] = [];
    for (let i = 0; i < 16; i++) {
      const wait = await throttle.waitMs(keys);
      waits.push(wait);
      now += wait; // an attacker who waits exactly as long as asked
      await throttle.recordFailure(keys);
    }
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(waits.slice(5, 12)).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 64000]);
    expect(waits.at(-1)).toBe(15 * 60_000);
    expect(await throttle.waitMs(keys)).toBe(15 * 60_000);
    now += 15 * 60_000;
    expect(await throttle.waitMs(keys)).toBe(0); // no hard lockout
    await throttle.reset('account:a@b.vn');
    await throttle.recordFailure(keys);
    expect(await throttle.waitMs(keys)).toBe(0);
  });

  it('delay grows from the last failure and takes the largest over all keys', () => {
    expect(delayAfter(4, ACCOUNT_THROTTLE)).toBe(0);
    expect(delayAfter(5, ACCOUNT_THROTTLE)).toBe(1000);
    expect(delayAfter(1000, ACCOUNT_THROTTLE)).toBe(900_000);
  });

  it('forgets a key a day after its last failure', async () => {
    let now = 0;
    const store = new MemoryThrottleStore(() => now);
    await store.recordFailure('k', now, 1000);
    expect(await store.get('k')).toEqual({ failures: 1, lastFailureMs: 0 });
    now = 1000;
    expect(await store.get('k')).toBeNull();
  });
});
