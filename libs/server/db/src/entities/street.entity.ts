import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedEntity } from './base.entity';
import type { Namesake, Provenance, StreetGeometry } from '@pho-so/shared/contracts';
import { numberTransformer } from './columns';
import type { StreetWardEntity } from './street-ward.entity';

export type StreetKind = 'named_street' | 'numbered_street' | 'route_number';

/** A street. Accent-insensitive trigram search uses an expression index created in the migration. */
@Entity({ name: 'street' })
@Index('IDX_street_name_search', { synchronize: false })
export class StreetEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 120, unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: StreetKind;

  @Column({ name: 'old_names', type: 'jsonb', default: () => "'[]'" })
  oldNames!: string[];

  @Column({ name: 'start_description', type: 'text', nullable: true })
  startDescription!: string | null;

  @Column({ name: 'start_lat', type: 'double precision', nullable: true })
  startLat!: number | null;

  @Column({ name: 'start_lng', type: 'double precision', nullable: true })
  startLng!: number | null;

  @Column({ name: 'end_description', type: 'text', nullable: true })
  endDescription!: string | null;

  @Column({ name: 'end_lat', type: 'double precision', nullable: true })
  endLat!: number | null;

  @Column({ name: 'end_lng', type: 'double precision', nullable: true })
  endLng!: number | null;

  @Column({ name: 'length_m', type: 'int', nullable: true, transformer: numberTransformer })
  lengthM!: number | null;

  /** GeoJSON LineString or MultiLineString, WGS84 [lng, lat]. */
  @Column({ type: 'jsonb', nullable: true })
  geometry!: StreetGeometry | null;

  @Column({ type: 'jsonb', nullable: true })
  namesake!: Namesake | null;

  @Column({ name: 'naming_act', type: 'text', nullable: true })
  namingAct!: string | null;

  @Column({ type: 'jsonb' })
  provenance!: Provenance;

  @OneToMany('StreetWardEntity', 'street')
  wards?: StreetWardEntity[];
}
