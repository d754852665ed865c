import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { numberTransformer } from './columns';
import { PlateEntity } from './plate.entity';

export type QrAssetFormat = 'svg' | 'png' | 'pdf';

/** One rendered file for a plate and design version; the storage key is content-addressed (sha256). */
@Entity({ name: 'qr_asset' })
@Index(['plateId', 'designVersion', 'format'], { unique: true })
export class QrAssetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plate_id', type: 'uuid' })
  plateId!: string;

  @ManyToOne(() => PlateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plate_id' })
  plate?: PlateEntity;

  @Column({ name: 'design_version', type: 'int' })
  designVersion!: number;

  @Column({ type: 'varchar', length: 8 })
  format!: QrAssetFormat;

  /** The exact text encoded in the symbol. */
  @Column({ type: 'text' })
  payload!: string;

  /** The label printed beside the symbol (street name, code, URL), to detect reprint needs. */
  @Column({ name: 'printed_label', type: 'text' })
  printedLabel!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @Column({ name: 'byte_size', type: 'int' })
  byteSize!: number;

  @Column({ name: 'qr_version', type: 'smallint' })
  qrVersion!: number;

  @Column({ name: 'error_correction', type: 'char', length: 1 })
  errorCorrection!: 'L' | 'M' | 'Q' | 'H';

  @Column({ name: 'module_size_mm', type: 'numeric', precision: 6, scale: 3, transformer: numberTransformer })
  moduleSizeMm!: number;

  /** Set only after an independent decoder read the payload back from the rendered image. */
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
