import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampedEntity } from './base.entity';
import type { Provenance } from '@pho-so/shared/contracts';
import type { ProcedureChannelEntity } from './procedure-channel.entity';

export type ProcedureLevel = 'commune' | 'province' | 'ministry';

/** An administrative procedure (thủ tục hành chính) as published on the national portal. */
@Entity({ name: 'procedure' })
@Index('IDX_procedure_name_search', { synchronize: false })
export class ProcedureEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** National code, e.g. 1.001193. */
  @Column({ type: 'varchar', length: 16, unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  @Index()
  field!: string;

  @Column({ type: 'jsonb' })
  levels!: ProcedureLevel[];

  @Column({ name: 'implementing_agency', type: 'text', default: '' })
  implementingAgency!: string;

  /** toàn trình (full) or một phần (partial); null when the source does not say. */
  @Column({ name: 'online_level', type: 'varchar', length: 8, nullable: true })
  onlineLevel!: 'full' | 'partial' | null;

  @Column({ type: 'text', default: '' })
  documents!: string;

  @Column({ type: 'text', default: '' })
  steps!: string;

  @Column({ type: 'text', default: '' })
  conditions!: string;

  @Column({ name: 'legal_basis', type: 'text', default: '' })
  legalBasis!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  results!: string[];

  @Column({ name: 'source_url', type: 'text' })
  sourceUrl!: string;

  @Column({ name: 'synced_at', type: 'timestamptz', nullable: true })
  syncedAt!: Date | null;

  @OneToMany('ProcedureChannelEntity', 'procedure')
  channels?: ProcedureChannelEntity[];

  @Column({ type: 'jsonb' })
  provenance!: Provenance;
}
