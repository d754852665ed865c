import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AdministrativeUnitEntity } from './administrative-unit.entity';
import { OfficialEntity } from './official.entity';

/** The wards a ward_editor may edit; every workspace query is filtered through this. */
@Entity({ name: 'official_ward_scope' })
export class OfficialWardScopeEntity {
  @PrimaryColumn({ name: 'official_id', type: 'uuid' })
  officialId!: string;

  @PrimaryColumn({ name: 'ward_id', type: 'int' })
  @Index()
  wardId!: number;

  @ManyToOne(() => OfficialEntity, (official) => official.wardScopes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'official_id' })
  official?: OfficialEntity;

  @ManyToOne(() => AdministrativeUnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ward_id' })
  ward?: AdministrativeUnitEntity;
}
