import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OfficialEntity } from './official.entity';
import { ServicePointEntity } from './service-point.entity';

/** A one-off closure (inclusive dates, local time) on top of opening hours and public holidays. */
@Entity({ name: 'service_point_closure' })
@Check('CHK_service_point_closure_range', `"ends_on" >= "starts_on"`)
export class ServicePointClosureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'service_point_id', type: 'uuid' })
  @Index()
  servicePointId!: string;

  @ManyToOne(() => ServicePointEntity, (point) => point.closures, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_point_id' })
  servicePoint?: ServicePointEntity;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => OfficialEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by' })
  createdBy?: OfficialEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
