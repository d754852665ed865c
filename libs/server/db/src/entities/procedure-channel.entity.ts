import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { numberTransformer } from './columns';
import { ProcedureEntity } from './procedure.entity';

export type ChannelKind = 'online' | 'postal' | 'in_person';
export type TimeUnit = 'working_days' | 'days' | 'hours' | 'months';

/**
 * One way to file a procedure, with its time and fee. `time_unit` stays null when the source gives
 * a number without a unit: the page then says "unknown unit" rather than guessing.
 */
@Entity({ name: 'procedure_channel' })
@Index(['procedureId', 'ordinal'], { unique: true })
@Check('CHK_procedure_channel_kind', `"channel" IN ('online', 'postal', 'in_person')`)
export class ProcedureChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId!: string;

  @ManyToOne(() => ProcedureEntity, (procedure) => procedure.channels, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'procedure_id' })
  procedure?: ProcedureEntity;

  @Column({ type: 'smallint' })
  ordinal!: number;

  @Column({ type: 'varchar', length: 16 })
  channel!: ChannelKind;

  @Column({ name: 'time_raw', type: 'text', default: '' })
  timeRaw!: string;

  @Column({ name: 'time_value', type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: numberTransformer })
  timeValue!: number | null;

  @Column({ name: 'time_unit', type: 'varchar', length: 16, nullable: true })
  timeUnit!: TimeUnit | null;

  @Column({ type: 'text', default: '' })
  fee!: string;

  @Column({ type: 'text', default: '' })
  note!: string;
}
