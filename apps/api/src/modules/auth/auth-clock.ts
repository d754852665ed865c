import { Injectable } from '@nestjs/common';

/**
 * The time sessions and login throttling use. Tests move it (`app.get(AuthClock).set(...)`) instead of
 * sleeping through idle and absolute timeouts.
 */
@Injectable()
export class AuthClock {
  private fixed: (() => Date) | null = null;

  now(): Date {
    return this.fixed ? this.fixed() : new Date();
  }

  nowMs(): number {
    return this.now().getTime();
  }

  /** Tests only: a fixed time, or a function of real time; null restores the system clock. */
  set(now: Date | (() => Date) | null): void {
    this.fixed = now === null ? null : typeof now === 'function' ? now : () => new Date(now.getTime());
  }
}
