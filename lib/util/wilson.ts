// Wilson score interval for a proportion: honest for small samples and rates near 0 or 1, where the
// normal approximation gives bounds below 0 or above 1.

/** z for a two-sided 95% interval. */
const Z_95 = 1.959963984540054;

/** Below this many attempts a rate is marked as too small a sample to judge (and the case page shows no hint). */
export const MIN_SAMPLE = 20;

export interface RateInterval {
  rate: number;
  low: number;
  high: number;
}

export function wilsonInterval(successes: number, trials: number, z = Z_95): RateInterval | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
