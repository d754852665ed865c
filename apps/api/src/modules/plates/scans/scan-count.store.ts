/** Scans of one code on one local day, to be added to `scan_count`. */
export interface ScanCountDelta {
  /** The code as counted (see `scannedCode`). */
  code: string;
  /** Local day, `YYYY-MM-DD` (Asia/Ho_Chi_Minh). */
  day: string;
  delta: number;
}

/** Counts taken out of the live counter, waiting to be written to the database. */
export interface ScanCountBatch {
  id: string;
  rows: ScanCountDelta[];
}

/**
 * Where scans are counted between two flushes: Redis (shared by every API replica) or this
 * process's memory. The flush protocol is take → write → acknowledge: `take` moves the live counts
 * into a new batch and returns every batch not yet acknowledged (its own earlier ones whose write
 * failed, and those left behind by processes that died), so a batch is only forgotten once the
 * database has it.
 */
export interface ScanCountStore {
  /** Adds one scan. Must be cheap: it runs on every beacon request. */
  increment(day: string, code: string): Promise<void> | void;
  take(): Promise<ScanCountBatch[]>;
  acknowledge(batch: ScanCountBatch): Promise<void>;
  /** Starts background work (a heartbeat); must not wait for the network, so start-up never hangs on Redis. */
  start?(): void;
  /** Called once after the last flush. */
  close?(): Promise<void>;
}

export const SCAN_COUNT_STORE = Symbol('SCAN_COUNT_STORE');

/** Field of a counter hash/map: the fixed-width day, a space, the code (which never contains a space). */
export const counterField = (day: string, code: string): string => `${day} ${code}`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Rows of a batch from counter fields; anything that is not a well-formed field is dropped. */
export function rowsFromCounters(entries: Iterable<[string, string | number]>): ScanCountDelta[] {
  const rows: ScanCountDelta[] = [];
  for (const [field, value] of entries) {
    const day = field.slice(0, 10);
    const code = field.slice(11);
    const delta = Number(value);
    if (!DAY.test(day) || field.charAt(10) !== ' ' || code === '' || !Number.isSafeInteger(delta) || delta <= 0) continue;
    rows.push({ code, day, delta });
  }
  return rows;
}
