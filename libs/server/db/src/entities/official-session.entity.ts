import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OfficialEntity } from './official.entity';

/**
 * A logged-in official's server-side session. The id is the hex SHA-256 of the random token in the
 * cookie, so a leaked table does not hand out sessions. Idle and absolute timeouts are checked on
 * every request against `last_seen_at` and `expires_at`.
 */
@Entity({ name: 'official_session' })
export class OfficialSessionEntity {
  @PrimaryColumn({ type: 'char', length: 64 })
  id!: string;

  @Column({ name: 'official_id', type: 'uuid' })
  @Index()
  officialId!: string;

  @ManyToOne(() => OfficialEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'official_id' })
  official?: OfficialEntity;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  /** Absolute end of the session (login + SESSION_ABSOLUTE_HOURS). */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  @Index()
  expiresAt!: Date;

  /** Synchronizer token every state-changing request must echo (header x-csrf-token or field _csrf). */
  @Column({ name: 'csrf_token', type: 'text' })
  csrfToken!: string;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;
}
