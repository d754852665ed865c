import { Check, Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampedEntity } from './base.entity';
import type { OfficialWardScopeEntity } from './official-ward-scope.entity';

export type OfficialRole = 'admin' | 'ward_editor';

/** An account of a ward official or a provincial IT administrator. Emails are stored lower-case. */
@Entity({ name: 'official' })
@Check('CHK_official_role', `"role" IN ('admin', 'ward_editor')`)
export class OfficialEntity extends TimestampedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  @Index({ unique: true })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: OfficialRole;

  /** argon2id encoded hash (parameters inside, so they can be raised and rehashed on login). */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt!: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @OneToMany('OfficialWardScopeEntity', 'official')
  wardScopes?: OfficialWardScopeEntity[];
}
