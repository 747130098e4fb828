import { appPrisma } from "@/lib/db/client";

// $connect() succeeds even with the database down, so health is a real round trip.
export async function databaseHealth(): Promise<{ ok: boolean; latencyMs: number }> {
  const started = performance.now();
  try {
    await appPrisma().$queryRaw`SELECT 1`;
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, latencyMs: Math.round(performance.now() - started) };
  }
}
