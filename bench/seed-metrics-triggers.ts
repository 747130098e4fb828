import type pg from "pg";
import { INSERT_CUSTOMERS, INSERT_DEVICES, insertCases, insertSteps, MOVE_SEQUENCE, RULES, UPDATE_MOVE, type MetricsSeedTenant } from "./seed-metrics-source";

// The reference way of loading the metrics benchmark's data: as the application writes it, with
// every trigger firing — each case inserted open with its devices and steps (the BEFORE INSERT
// trigger stamps the steps' attribution), then one UPDATE per status move — in transactions of
// CHUNK cases. It is the yardstick the fast load (seed-metrics.ts) is compared with, not the way
// to seed a million cases (over an hour on this machine).

const CHUNK = 25_000;

export async function seedMetricsThroughTriggers(client: pg.Client, tenants: MetricsSeedTenant[], log?: (message: string) => void): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  const largest = Math.max(...tenants.map((t) => t.cases));
  for (let low = 1; low <= largest; low += CHUNK) {
    await q("BEGIN");
    await q(`UPDATE metrics_seed_tenant SET low = $1, high = LEAST(cases, $2)`, [low, low + CHUNK - 1]);
    await q(INSERT_CUSTOMERS);
    await q(insertCases(false));
    await q(INSERT_DEVICES);
    await q(insertSteps(false), [RULES]);
    for (const seq of MOVE_SEQUENCE) await q(UPDATE_MOVE, [seq]);
    await q("COMMIT");
    log?.(`  through the triggers: ${Math.min(largest, low + CHUNK - 1).toLocaleString("en")} / ${largest.toLocaleString("en")} cases`);
  }
}
