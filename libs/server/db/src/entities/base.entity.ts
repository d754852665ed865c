import { CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Rows that record when they were created and last changed. */
export abstract class TimestampedEntity {
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * Rows officials edit: every edit carries the version it was based on and updates with
 * `WHERE version = n`, so a stale edit is refused (409) instead of silently overwriting.
 */
export abstract class VersionedEntity extends TimestampedEntity {
  @VersionColumn({ default: 1 })
  version!: number;
}
