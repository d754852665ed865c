import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AdministrativeUnitEntity } from './administrative-unit.entity';
import { StreetEntity } from './street.entity';

/** A street runs through one or more wards; ordinal 0 is the home ward shown first. */
@Entity({ name: 'street_ward' })
export class StreetWardEntity {
  @PrimaryColumn({ name: 'street_id', type: 'uuid' })
  streetId!: string;

  @PrimaryColumn({ name: 'ward_id', type: 'int' })
  @Index()
  wardId!: number;

  @Column({ type: 'smallint', default: 0 })
  ordinal!: number;

  @ManyToOne(() => StreetEntity, (street) => street.wards, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'street_id' })
  street?: StreetEntity;

  @ManyToOne(() => AdministrativeUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ward_id' })
  ward?: AdministrativeUnitEntity;
}
