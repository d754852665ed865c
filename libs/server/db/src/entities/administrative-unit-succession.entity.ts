import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Provenance } from '@pho-so/shared/contracts';
import { AdministrativeUnitEntity } from './administrative-unit.entity';

/** Old unit → new unit across a reform; `partial` when only part of the old unit went there. */
@Entity({ name: 'administrative_unit_succession' })
@Index(['predecessorId', 'successorId'], { unique: true })
export class AdministrativeUnitSuccessionEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'predecessor_id', type: 'int' })
  predecessorId!: number;

  @ManyToOne(() => AdministrativeUnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'predecessor_id' })
  predecessor?: AdministrativeUnitEntity;

  @Column({ name: 'successor_id', type: 'int' })
  @Index()
  successorId!: number;

  @ManyToOne(() => AdministrativeUnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'successor_id' })
  successor?: AdministrativeUnitEntity;

  @Column({ name: 'merge_type', type: 'varchar', length: 8 })
  mergeType!: 'full' | 'partial';

  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis!: string;

  @Column({ type: 'jsonb' })
  provenance!: Provenance;
}
