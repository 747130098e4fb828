import "@/tests/support/integration-env";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createAppPrismaClient } from "@/lib/db/client";
import { toProblem } from "@/lib/http/problem";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { provisionTenant } from "@/lib/members/provision-tenant";

// Waiting for a free pooled connection (load) and failing to connect (an outage) used to share one
// 3 s timeout and one "database unreachable" 503 (decision 0084). Now a request may queue behind
// busy connections for longer than a connection may take to open, and when the queue does time out
// the answer says the server is busy, not that the database is down.

const appUrl = process.env.APP_DATABASE_URL!;
const clients: Array<{ $disconnect(): Promise<void> }> = [];
const blackHoles: net.Server[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
  for (const server of blackHoles) server.close();
});

function poolOf(options: { max: number; queueWaitMs?: number }, url = appUrl) {
  const client = createAppPrismaClient(url, options);
  clients.push(client);
  return client;
}

// Holds the pool's only connection for `ms` inside a tenant's unit of work, as a slow request would.
// (Wrapped in an object: an async function returning the promise itself would wait for it.)
async function holdOnlyConnection(client: ReturnType<typeof poolOf>, tenantId: string, ms: number) {
  const done = withTenant(tenantId, (tx) => tx.$executeRaw`SELECT pg_sleep(${ms / 1000})`, { client });
  await new Promise((resolve) => setTimeout(resolve, 500)); // the holder has its connection first
  return { done };
}

describe("the app's connection pool under load", () => {
  it("a request queueing longer than the 3 s connect timeout for a busy connection still succeeds", async () => {
    const { tenantId } = await provisionTenant({ name: "Pool queue" });
    const client = poolOf({ max: 1 });
    const holder = await holdOnlyConnection(client, tenantId, 3_800);
    const waited = performance.now();
    const rows = await withTenant(tenantId, (tx) => tx.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`, { client });
    expect(rows).toEqual([{ ok: 1 }]);
    expect(performance.now() - waited).toBeGreaterThan(3_000);
    await holder.done;
  }, 20_000);

  it("a queue wait past its limit is a 503 that says the server is busy, not that the database is down", async () => {
    const { tenantId } = await provisionTenant({ name: "Pool busy" });
    // pg-pool also bounds opening a connection by the queue wait: 1.5 s leaves the first one time to open.
    const client = poolOf({ max: 1, queueWaitMs: 1_500 });
    const holder = await holdOnlyConnection(client, tenantId, 4_000);
    const error = await withTenant(tenantId, (tx) => tx.$queryRaw`SELECT 1`, { client }).catch((caught: unknown) => caught);
    const problem = toProblem(error);
    expect(problem.status).toBe(503);
    expect(problem.body.error.message).toMatch(/server is busy/);
    expect(problem.body.error.message).not.toMatch(/database/i);
    await holder.done;
  }, 20_000);

  it("a database that accepts the connection but never answers is reported unreachable within the 3 s connect timeout", async () => {
    const blackHole = net.createServer(() => undefined); // accepts, then says nothing
    blackHoles.push(blackHole);
    await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
    const { port } = blackHole.address() as net.AddressInfo;
    const client = poolOf({ max: 2 }, `postgresql://nobody:secret@127.0.0.1:${port}/nothing`);
    const started = performance.now();
    const error = await client.$queryRaw`SELECT 1`.catch((caught: unknown) => caught);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThan(2_500);
    expect(elapsed).toBeLessThan(6_000);
    const problem = toProblem(error);
    expect(problem.status).toBe(503);
    expect(problem.body.error.message).toMatch(/database is unreachable/);
  }, 20_000);
});
