/**
 * A small seeded PRNG (mulberry32) so every benchmark run generates exactly the same synthetic data:
 * two runs, or two engines in one run, measure the same rows.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  /** Standard normal (Box–Muller). */
  gaussian(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** `count` distinct indexes in [0, n), in random order (partial Fisher–Yates). */
  sample(n: number, count: number): number[] {
    const pool = Array.from({ length: n }, (_, i) => i);
    const picked: number[] = [];
    for (let i = 0; i < Math.min(count, n); i++) {
      const j = i + this.int(n - i);
      [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
      picked.push(pool[i] as number);
    }
    return picked;
  }
}
