import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedEntity } from './base.entity';
import type { Provenance } from '@pho-so/shared/contracts';
import { AdministrativeUnitEntity } from './administrative-unit.entity';
import { OfficialEntity } from './official.entity';
import type { ServicePointClosureEntity } from './service-point-closure.entity';

export type ServicePointKind = 'ward_centre' | 'provincial_centre' | 'branch';

/**
 * A place that accepts dossiers. Kept current by ward officials; `version` guards concurrent edits
 * (UPDATE ... WHERE version = n). Nearest-point queries use a GiST index on earth_point(lat, lng)
 * (ll_to_earth with schema-qualified names, so pg_restore can rebuild it) created in the migrations.
 */
@Entity({ name: 'service_point' })
@Index('IDX_service_point_earth', { synchronize: false })
export class ServicePointEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stable natural key used by imports, e.g. "ttphcc-12452". */
  @Column({ type: 'varchar', length: 64, unique: true })
  key!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: ServicePointKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'ward_id', type: 'int', nullable: true })
  @Index()
  wardId!: number | null;

  @ManyToOne(() => AdministrativeUnitEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'ward_id' })
  ward?: AdministrativeUnitEntity | null;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lng!: number;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** OpenStreetMap opening_hours syntax, interpreted in Asia/Ho_Chi_Minh. */
  @Column({ name: 'opening_hours', type: 'text' })
  openingHours!: string;

  @Column({ name: 'accessibility_notes', type: 'text', default: '' })
  accessibilityNotes!: string;

  /** National procedure codes this point does not accept, despite Nghị định 118/2025's default. */
  @Column({ name: 'procedures_not_accepted', type: 'jsonb', default: () => "'[]'" })
  proceduresNotAccepted!: string[];

  @OneToMany('ServicePointClosureEntity', 'servicePoint')
  closures?: ServicePointClosureEntity[];

  @Column({ name: 'last_confirmed_at', type: 'timestamptz', nullable: true })
  lastConfirmedAt!: Date | null;

  @Column({ name: 'last_confirmed_by', type: 'uuid', nullable: true })
  lastConfirmedById!: string | null;

  @ManyToOne(() => OfficialEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'last_confirmed_by' })
  lastConfirmedBy?: OfficialEntity | null;

  @Column({ type: 'jsonb' })
  provenance!: Provenance;
}
