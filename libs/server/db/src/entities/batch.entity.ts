import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type BatchStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type BatchScope =
  | { kind: 'all' }
  | { kind: 'ward'; wardCode: string }
  | { kind: 'streets'; slugs: string[] }
  | { kind: 'changed' };

/** A QR regeneration run: what it covers, how far it got, and where its bundle is. */
@Entity({ name: 'batch' })
@Check('CHK_batch_status', `"status" IN ('queued', 'running', 'done', 'failed', 'cancelled')`)
export class BatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'jsonb' })
  scope!: BatchScope;

  @Column({ name: 'design_version', type: 'int' })
  designVersion!: number;

  @Column({ type: 'jsonb' })
  formats!: string[];

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  @Index()
  status!: BatchStatus;

  @Column({ type: 'int', default: 0 })
  total!: number;

  @Column({ type: 'int', default: 0 })
  done!: number;

  @Column({ type: 'int', default: 0 })
  failed!: number;

  @Column({ name: 'bundle_key', type: 'text', nullable: true })
  bundleKey!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
