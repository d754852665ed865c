import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '@pho-so/server/config';
import { InjectConfig } from '@pho-so/server/nest';
import {
  ACCOUNT_THROTTLE,
  checkPassword,
  CLIENT_THROTTLE,
  LoginThrottle,
  newCsrfToken,
  newSessionToken,
  PasswordHasher,
  sessionIdOf,
  sessionState,
  type ThrottleKey,
} from '@pho-so/server/auth';
import type { OfficialEntity } from '@pho-so/server/db';
import { AuthClock } from './auth-clock';
import { AuthRepository, type AuditRecord } from './auth.repository';
import { invalidBody, invalidCredentials, throttled, unauthenticated, type SessionProblem } from './auth-problems';
import type { ChangePasswordBody, LoginBody } from './auth-body';
import type { SessionOfficial } from './auth.types';

export const LOGIN_THROTTLE = Symbol('LOGIN_THROTTLE');

export interface StartedSession {
  token: string;
  csrfToken: string;
  official: SessionOfficial;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  requestId: string | null;
  /** The token of the session cookie the request carried, if any (rotated away on login). */
  previousToken: string | null;
}

export const clientInfo = (request: FastifyRequest, previousToken: string | null = null): ClientInfo => ({
  ip: request.ip,
  userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'].slice(0, 512) : null,
  requestId: String(request.id),
  previousToken,
});

export type Authenticated = { ok: true; official: SessionOfficial; sessionId: string; csrfToken: string } | { ok: false; problem: SessionProblem; officialId?: string; email?: string };

/** Logins, sessions and passwords of officials. Time comes from AuthClock. */
@Injectable()
export class AuthService {
  /** Who logged in or failed, by official id and reason: never the password, nor the email typed (the audit keeps it). */
  private readonly logger = new Logger('auth');
  private readonly hasher = new PasswordHasher();
  /** Verified against when the email is unknown, so that answer takes as long as a wrong password. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly repository: AuthRepository,
    private readonly clock: AuthClock,
    @InjectConfig() private readonly config: AppConfig,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
  ) {}

  private get idleMs(): number {
    return this.config.SESSION_IDLE_MINUTES * 60_000;
  }

  private throttleKeys(ip: string, email: string): ThrottleKey[] {
    return [
      { key: `login:client:${ip}`, policy: CLIENT_THROTTLE },
      { key: `login:account:${email}`, policy: ACCOUNT_THROTTLE },
    ];
  }

  async login({ email, password }: LoginBody, client: ClientInfo): Promise<StartedSession> {
    const keys = this.throttleKeys(client.ip, email);
    const waitMs = await this.throttle.waitMs(keys);
    if (waitMs > 0) throw throttled(Math.ceil(waitMs / 1000));

    const official = await this.repository.findOfficialByEmail(email);
    const verified = official
      ? await this.hasher.verify(official.passwordHash, password)
      : await this.hasher.verify(await (this.dummyHash ??= this.hasher.hash('dummy password, never valid')), `${password}\u0000`);
    if (!official || !verified || official.disabledAt) {
      const reason = !official ? 'unknown-email' : !verified ? 'wrong-password' : 'disabled';
      this.logger.log(`login failed (${reason})${official ? ` for official ${official.id}` : ''}`);
      await this.throttle.recordFailure(keys);
      await this.repository.audit({
        actorId: null,
        actorLabel: email,
        action: 'login_failed',
        entityType: 'official',
        entityId: official?.id ?? null,
        newValue: { reason, ip: client.ip },
        requestId: client.requestId,
      });
      throw invalidCredentials();
    }
    this.logger.log(`login of official ${official.id}`);
    await this.throttle.reset(`login:account:${email}`);
    if (this.hasher.needsRehash(official.passwordHash)) {
      await this.repository.updatePasswordHash(official.id, await this.hasher.hash(password), null);
    }
    const now = this.clock.now();
    if (client.previousToken) await this.repository.deleteSession(sessionIdOf(client.previousToken));
    await this.repository.deleteEndedSessionsOf(official.id, now, this.idleMs);
    return this.repository.transaction(async (manager) => {
      const started = await this.startSession(official, client, manager);
      await this.repository.audit(
        { actorId: official.id, actorLabel: official.email, action: 'login', entityType: 'official', entityId: official.id, newValue: { ip: client.ip }, requestId: client.requestId },
        manager,
      );
      return started;
    });
  }

  private async startSession(official: OfficialEntity, client: ClientInfo, manager: Parameters<AuthRepository['insertSession']>[1]): Promise<StartedSession> {
    const now = this.clock.now();
    const { token, id } = newSessionToken();
    const csrfToken = newCsrfToken();
    await this.repository.insertSession(
      {
        id,
        officialId: official.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.SESSION_ABSOLUTE_HOURS * 3_600_000),
        csrfToken,
        userAgent: client.userAgent,
        ip: client.ip,
      },
      manager,
    );
    return { token, csrfToken, official: await this.repository.toSessionOfficial(official) };
  }

  /** The session of a cookie token, with its timeouts checked; an ended session is deleted. Does not touch last_seen. */
  async authenticate(token: string | null): Promise<Authenticated> {
    if (!token) return { ok: false, problem: 'no-session' };
    const session = await this.repository.findSession(sessionIdOf(token));
    if (!session || !session.official) return { ok: false, problem: 'session-invalid' };
    const official = session.official;
    const state = sessionState(session, this.clock.now(), this.idleMs);
    if (state !== 'valid' || official.disabledAt) {
      await this.repository.deleteSession(session.id);
      const problem: SessionProblem = official.disabledAt ? 'session-invalid' : state === 'idle-expired' ? 'session-idle-expired' : 'session-expired';
      return { ok: false, problem, officialId: official.id, email: official.email };
    }
    return { ok: true, official: await this.repository.toSessionOfficial(official), sessionId: session.id, csrfToken: session.csrfToken };
  }

  touch(sessionId: string): Promise<void> {
    return this.repository.touchSession(sessionId, this.clock.now());
  }

  async logout(official: SessionOfficial, sessionId: string, client: ClientInfo): Promise<void> {
    await this.repository.transaction(async (manager) => {
      await this.repository.deleteSession(sessionId, manager);
      await this.repository.audit({ actorId: official.id, actorLabel: official.email, action: 'logout', entityType: 'official', entityId: official.id, requestId: client.requestId }, manager);
    });
  }

  /** Checks the current password, sets the new one, ends every session of the account and starts a fresh one. */
  async changePassword(current: SessionOfficial, body: ChangePasswordBody, client: ClientInfo): Promise<StartedSession> {
    const official = await this.repository.findOfficialById(current.id);
    if (!official || official.disabledAt) throw unauthenticated('session-invalid');
    const keys = [{ key: `login:account:${official.email}`, policy: ACCOUNT_THROTTLE }];
    const waitMs = await this.throttle.waitMs(keys);
    if (waitMs > 0) throw throttled(Math.ceil(waitMs / 1000));
    if (!(await this.hasher.verify(official.passwordHash, body.currentPassword))) {
      await this.throttle.recordFailure(keys);
      throw invalidBody([{ field: 'currentPassword', message: 'is not your current password', message_vi: 'không phải mật khẩu hiện tại của bạn' }]);
    }
    const verdict = checkPassword(body.newPassword, { email: official.email });
    if (!verdict.ok && verdict.message) throw invalidBody([{ field: 'newPassword', message: verdict.message.en, message_vi: verdict.message.vi }]);
    const passwordHash = await this.hasher.hash(body.newPassword);
    const started = await this.repository.transaction(async (manager) => {
      await this.repository.updatePasswordHash(official.id, passwordHash, this.clock.now(), manager);
      await this.repository.deleteSessionsOf(official.id, manager);
      const session = await this.startSession({ ...official, passwordHash } as OfficialEntity, client, manager);
      await this.repository.audit(
        { actorId: official.id, actorLabel: official.email, action: 'password_changed', entityType: 'official', entityId: official.id, requestId: client.requestId },
        manager,
      );
      return session;
    });
    this.logger.log(`password changed by official ${official.id}`);
    return started;
  }

  /** Authorization failures of the guards (401 with a presented session, every 403). */
  recordDenied(record: Omit<AuditRecord, 'action'> & { action: 'unauthorized' | 'forbidden' }): Promise<void> {
    return this.repository.audit(record);
  }
}
