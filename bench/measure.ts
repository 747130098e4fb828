import type pg from "pg";

// Shared by the benchmarks: a tenant-scoped transaction for raw SQL as the application role, and
// p50/p95 timing after a warm-up.

export type Stats = { p50: number; p95: number };

/** The application role sees a tenant only inside a transaction that set it (as withTenant does). */
export async function inTenant<T>(pool: pg.Pool, tenantId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

export async function time(fn: () => Promise<unknown>, iterations: number, warmUp = 10): Promise<Stats> {
  for (let i = 0; i < warmUp; i++) await fn(); // connections, plans, caches
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}
