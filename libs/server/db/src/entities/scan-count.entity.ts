import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberTransformer } from './columns';

/**
 * Scans per plate code per local day. Keyed by the code as scanned (normalised), not by plate id,
 * so scans of codes that are not ours are counted too. No IP, user agent or time of day is stored.
 */
@Entity({ name: 'scan_count' })
export class ScanCountEntity {
  @PrimaryColumn({ name: 'plate_code', type: 'varchar', length: 32 })
  plateCode!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ name: 'is_known_plate', type: 'boolean' })
  isKnownPlate!: boolean;

  @Column({ type: 'bigint', default: 0, transformer: numberTransformer })
  count!: number;
}
