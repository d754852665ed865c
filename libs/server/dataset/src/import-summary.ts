/** What an import did, per record: reported to the operator and asserted in tests. */
export interface ImportSummary {
  kind: string;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export const emptySummary = (kind: string): ImportSummary => ({ kind, created: 0, updated: 0, unchanged: 0, rejected: 0 });

/** Where a bad value sits in its file, so the operator can fix exactly that. */
export interface RecordLocation {
  file: string;
  line: number;
}

export class ImportRejected extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${field}: ${reason}`);
    this.name = 'ImportRejected';
  }
}
