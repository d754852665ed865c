import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ScanCountDelta } from './scan-count.store';

/** Rows per INSERT: keeps each statement's parameters small whatever a batch holds. */
const CHUNK = 1000;

/** Where flushed scan counts go. An interface so the counter can be unit-tested without a database. */
export interface ScanCountSink {
  add(rows: readonly ScanCountDelta[]): Promise<void>;
}

/** Writes scan counts; no rules here, only the upsert. */
@Injectable()
export class ScanCountRepository implements ScanCountSink {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Adds each delta to its (code, day) row in one transaction: `count = scan_count.count + delta`, so
   * replicas flushing at the same time add up instead of overwriting. Whether the code is one of our
   * plates is decided here, not per scan. Rows go in a fixed order so concurrent flushes lock rows in
   * the same order and cannot deadlock.
   */
  async add(rows: readonly ScanCountDelta[]): Promise<void> {
    if (rows.length === 0) return;
    const sorted = [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    await this.dataSource.transaction(async (manager) => {
      for (let i = 0; i < sorted.length; i += CHUNK) {
        const chunk = sorted.slice(i, i + CHUNK);
        await manager.query(
          `INSERT INTO scan_count (plate_code, day, is_known_plate, count)
           SELECT s.code, s.day, EXISTS (SELECT 1 FROM plate p WHERE p.code = s.code), s.delta
             FROM unnest($1::varchar[], $2::date[], $3::bigint[]) AS s(code, day, delta)
           ON CONFLICT (plate_code, day) DO UPDATE
             SET count = scan_count.count + EXCLUDED.count, is_known_plate = EXCLUDED.is_known_plate`,
          [chunk.map((r) => r.code), chunk.map((r) => r.day), chunk.map((r) => r.delta)],
        );
      }
    });
  }
}
