import type { ScanCountBatch, ScanCountStore } from './scan-count.store';
import { counterField, rowsFromCounters } from './scan-count.store';

/**
 * Counts in this process's memory, for the single-machine setup without Redis. Several processes
 * on one Postgres are still correct: each one adds its own deltas.
 */
export class MemoryScanCountStore implements ScanCountStore {
  private live = new Map<string, number>();
  private readonly unacknowledged = new Map<string, ScanCountBatch>();
  private sequence = 0;

  increment(day: string, code: string): void {
    const field = counterField(day, code);
    this.live.set(field, (this.live.get(field) ?? 0) + 1);
  }

  async take(): Promise<ScanCountBatch[]> {
    if (this.live.size > 0) {
      const id = `memory:${++this.sequence}`;
      this.unacknowledged.set(id, { id, rows: rowsFromCounters(this.live) });
      this.live = new Map();
    }
    return [...this.unacknowledged.values()];
  }

  async acknowledge(batch: ScanCountBatch): Promise<void> {
    this.unacknowledged.delete(batch.id);
  }
}
