// Timing helpers shared by the benchmarks: p50/p95 over sequential runs after a warm-up.

export type Stats = { p50: number; p95: number };

export async function timeRuns(fn: (iteration: number) => Promise<unknown>, iterations: number, warmup = 10): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(i); // connections, plans, caches
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn(warmup + i);
    samples.push(performance.now() - t0);
  }
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

export function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export const round2 = (value: number) => Math.round(value * 100) / 100;
