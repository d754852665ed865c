import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BatchEntity } from './batch.entity';
import { PlateEntity } from './plate.entity';

export type BatchItemStatus = 'queued' | 'done' | 'failed';

/**
 * One file a batch renders (plate × format): why it is in the batch, and how it ended. A job moves its
 * item out of `queued` once; only that transition counts in the batch's done/failed, so a job run
 * twice (at-least-once delivery) is counted once.
 */
@Entity({ name: 'batch_item' })
@Check('CHK_batch_item_status', `"status" IN ('queued', 'done', 'failed')`)
export class BatchItemEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'uuid' })
  batchId!: string;

  @ManyToOne(() => BatchEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'batch_id' })
  batch?: BatchEntity;

  @PrimaryColumn({ name: 'plate_id', type: 'uuid' })
  @Index()
  plateId!: string;

  @ManyToOne(() => PlateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plate_id' })
  plate?: PlateEntity;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  format!: string;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: BatchItemStatus;

  /** Why the plate is in the batch (the manifest's last column), e.g. "scope all" or "payload changed". */
  @Column({ type: 'text' })
  why!: string;

  /** Why it failed, for the batch report. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
