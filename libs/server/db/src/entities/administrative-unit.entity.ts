import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampedEntity } from './base.entity';
import type { Provenance } from '@pho-so/shared/contracts';

export type AdminUnitLevel = 'province' | 'district' | 'commune';

/**
 * A province, district or commune as it stood during [valid_from, valid_to]. GSO codes are reused
 * across the 2025 reform (old and new Phường Trần Hưng Đạo are both 12452), so the natural key is
 * the code plus the start of validity, and only one unit per code may be current (valid_to null).
 * Both unique indexes are an expression or partial and live in the migration.
 */
@Entity({ name: 'administrative_unit' })
@Index('UQ_administrative_unit_code_valid_from', { synchronize: false })
@Index('UQ_administrative_unit_current_code', { synchronize: false })
export class AdministrativeUnitEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'varchar', length: 5 })
  @Index()
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'unit_type', type: 'text' })
  unitType!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: AdminUnitLevel;

  @Column({ name: 'province_code', type: 'varchar', length: 2 })
  provinceCode!: string;

  @Column({ name: 'parent_name', type: 'text', nullable: true })
  parentName!: string | null;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ type: 'jsonb' })
  provenance!: Provenance;
}
