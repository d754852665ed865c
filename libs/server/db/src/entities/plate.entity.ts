import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedEntity } from './base.entity';
import type { Provenance } from '@pho-so/shared/contracts';
import { StreetEntity } from './street.entity';

export const PLATE_STATUSES = ['active', 'damaged', 'missing', 'removed'] as const;
export type PlateStatus = (typeof PLATE_STATUSES)[number];

/** A physical plate. `code` is canonical (upper case, `TB-233AC`) and never reused. */
@Entity({ name: 'plate' })
@Check('CHK_plate_status', `"status" IN ('active', 'damaged', 'missing', 'removed')`)
export class PlateEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16, unique: true })
  code!: string;

  @Column({ name: 'street_id', type: 'uuid' })
  @Index()
  streetId!: string;

  @ManyToOne(() => StreetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: StreetEntity;

  @Column({ name: 'position_description', type: 'text' })
  positionDescription!: string;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng!: number | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: PlateStatus;

  @Column({ name: 'installed_at', type: 'date', nullable: true })
  installedAt!: string | null;

  @Column({ type: 'jsonb' })
  provenance!: Provenance;
}
