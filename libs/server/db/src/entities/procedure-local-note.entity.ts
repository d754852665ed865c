import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AdministrativeUnitEntity } from './administrative-unit.entity';
import { OfficialEntity } from './official.entity';
import { ProcedureEntity } from './procedure.entity';

/**
 * A ward's own note on a procedure ("bring the originals on Thursday mornings"), kept by its officials.
 * Versioned like every record officials edit (UPDATE ... WHERE version = n).
 */
@Entity({ name: 'procedure_local_note' })
export class ProcedureLocalNoteEntity {
  @PrimaryColumn({ name: 'procedure_id', type: 'uuid' })
  procedureId!: string;

  @PrimaryColumn({ name: 'ward_id', type: 'int' })
  @Index()
  wardId!: number;

  @ManyToOne(() => ProcedureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'procedure_id' })
  procedure?: ProcedureEntity;

  @ManyToOne(() => AdministrativeUnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ward_id' })
  ward?: AdministrativeUnitEntity;

  /** Plain text, never interpreted as markup. */
  @Column({ type: 'text' })
  note!: string;

  @VersionColumn({ default: 1 })
  version!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedById!: string | null;

  @ManyToOne(() => OfficialEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'updated_by' })
  updatedBy?: OfficialEntity | null;
}
