// Asks the API whether a record exists (HEAD, no body), remembering "yes" for a while: a street page
// scanned a thousand times an hour then costs the proxy no round trip, while a record that disappears
// is answered 404 within `rememberMs` (the page's own revalidation interval).

export type Existence = 'exists' | 'missing' | 'unknown';

export interface RecordExistenceOptions {
  apiBaseUrl: () => string;
  rememberMs: number;
  /** Bound on remembered records; the oldest are forgotten first. */
  maxRemembered?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export class RecordExistence {
  private readonly known = new Map<string, number>();

  constructor(private readonly options: RecordExistenceOptions) {}

  /**
   * 'unknown' when the API cannot answer (down, 5xx, timeout): the page is then rendered as usual and
   * shows its own error handling, so an API outage never turns into a wall of false 404s.
   */
  async check(apiPath: string): Promise<Existence> {
    const now = (this.options.now ?? Date.now)();
    const until = this.known.get(apiPath);
    if (until !== undefined && until > now) return 'exists';
    if (until !== undefined) this.known.delete(apiPath);
    let status: number;
    try {
      const response = await (this.options.fetchImpl ?? fetch)(`${this.options.apiBaseUrl()}${apiPath}`, {
        method: 'HEAD',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 3000),
      });
      status = response.status;
    } catch {
      return 'unknown';
    }
    if (status === 404 || status === 400) return 'missing';
    if (status < 200 || status >= 300) return 'unknown';
    this.remember(apiPath, now + this.options.rememberMs);
    return 'exists';
  }

  private remember(apiPath: string, until: number): void {
    this.known.delete(apiPath);
    this.known.set(apiPath, until);
    const max = this.options.maxRemembered ?? 10_000;
    while (this.known.size > max) {
      const oldest = this.known.keys().next().value;
      if (oldest === undefined) break;
      this.known.delete(oldest);
    }
  }
}
