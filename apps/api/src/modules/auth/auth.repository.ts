import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEventEntity, OfficialEntity, OfficialSessionEntity, OfficialWardScopeEntity } from '@pho-so/server/db';
import type { SessionOfficial } from './auth.types';

export interface AuditRecord {
  actorId: string | null;
  actorLabel: string;
  action: 'login' | 'login_failed' | 'logout' | 'password_changed' | 'unauthorized' | 'forbidden';
  entityType?: string | null;
  entityId?: string | null;
  newValue?: unknown;
  requestId?: string | null;
}

/** Storage of accounts, sessions and their audit events; no rules here (AuthService has them). */
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findOfficialByEmail(email: string): Promise<OfficialEntity | null> {
    return this.dataSource.getRepository(OfficialEntity).findOneBy({ email });
  }

  findOfficialById(id: string, manager: EntityManager = this.dataSource.manager): Promise<OfficialEntity | null> {
    return manager.getRepository(OfficialEntity).findOneBy({ id });
  }

  async toSessionOfficial(official: OfficialEntity): Promise<SessionOfficial> {
    const wardIds =
      official.role === 'admin'
        ? []
        : (await this.dataSource.getRepository(OfficialWardScopeEntity).find({ where: { officialId: official.id }, order: { wardId: 'ASC' } })).map((s) => s.wardId);
    return { id: official.id, email: official.email, displayName: official.displayName, role: official.role, wardIds };
  }

  async updatePasswordHash(officialId: string, passwordHash: string, changedAt: Date | null, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(OfficialEntity).update({ id: officialId }, { passwordHash, ...(changedAt ? { passwordChangedAt: changedAt } : {}) });
  }

  async insertSession(session: OfficialSessionEntity, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(OfficialSessionEntity).insert(session);
  }

  findSession(id: string): Promise<OfficialSessionEntity | null> {
    return this.dataSource.getRepository(OfficialSessionEntity).findOne({ where: { id }, relations: { official: true } });
  }

  async touchSession(id: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(OfficialSessionEntity).update({ id }, { lastSeenAt: at });
  }

  async deleteSession(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(OfficialSessionEntity).delete({ id });
  }

  async deleteSessionsOf(officialId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(OfficialSessionEntity).delete({ officialId });
  }

  /** Sessions of this official that have ended (idle or absolute), removed when the official logs in. */
  async deleteEndedSessionsOf(officialId: string, now: Date, idleMs: number): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(OfficialSessionEntity)
      .where('official_id = :officialId AND (expires_at <= :now OR last_seen_at <= :idleSince)', {
        officialId,
        now,
        idleSince: new Date(now.getTime() - idleMs),
      })
      .execute();
  }

  async audit(record: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(AuditEventEntity).insert({
      actorId: record.actorId,
      actorLabel: record.actorLabel,
      action: record.action,
      entityType: record.entityType ?? null,
      entityId: record.entityId ?? null,
      field: null,
      ...(record.newValue !== undefined ? { newValue: record.newValue as object } : {}),
      requestId: record.requestId ?? null,
    });
  }
}
