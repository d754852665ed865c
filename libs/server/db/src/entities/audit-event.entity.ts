import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only trail: edits (one row per changed field), logins, failed logins, authorization
 * failures. A trigger in the migration rejects UPDATE and DELETE on this table.
 */
@Entity({ name: 'audit_event' })
@Index(['entityType', 'entityId', 'occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  @Index()
  occurredAt!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  @Index()
  actorId!: string | null;

  /** Who, as shown in history even after the account is gone (email, "import", "system"). */
  @Column({ name: 'actor_label', type: 'text' })
  actorLabel!: string;

  @Column({ type: 'varchar', length: 32 })
  action!: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 32, nullable: true })
  entityType!: string | null;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId!: string | null;

  @Column({ type: 'text', nullable: true })
  field!: string | null;

  @Column({ name: 'old_value', type: 'jsonb', nullable: true })
  oldValue!: unknown;

  @Column({ name: 'new_value', type: 'jsonb', nullable: true })
  newValue!: unknown;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;
}
