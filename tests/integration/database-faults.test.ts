import "@/tests/support/integration-env";
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { ensureAppRole } from "@/lib/db/setup/bootstrap";
import { createAppPrismaClient } from "@/lib/db/client";
import { DATABASE_FAULT_MESSAGES, databaseFault } from "@/lib/db/errors";
import { toProblem } from "@/lib/http/problem";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { adminDatabaseUrl } from "@/tests/support/integration-env";
import { adminPool, closeAdminPool } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";

// Faults of the database are 503s with a clear message and no detail (host, port, SQL), recover
// without a restart, and come within seconds even when the database stops answering rather than
// stopping. And nothing resets the password a running deployment's app role uses.

const appUrl = process.env.APP_DATABASE_URL!;
const appPassword = decodeURIComponent(new URL(appUrl).password);
let tenant: ProvisionedTenant;

beforeAll(async () => {
  tenant = await provisionTenant({ name: "Faulty Desk" });
});
afterAll(closeAdminPool);

const me = () => call(meRoute, "GET", "/api/v1/me", { token: tenant.apiToken });

function expectNoDetail(text: string) {
  const { hostname, port } = new URL(appUrl);
  for (const leak of [hostname, `:${port}`, port, "SELECT", "photo_sync_app", "Tenant", "postgres", "Prisma"]) expect(text).not.toContain(leak);
}

describe("the app role's password", () => {
  it("a second start or tenant:create with another password changes nothing and says why", async () => {
    await expect(ensureAppRole(adminDatabaseUrl, "a-completely-different-password")).rejects.toThrow(/already has a different password.*left unchanged/);
    const probe = new pg.Client({ connectionString: appUrl });
    await probe.connect();
    await probe.end();
    expect(await ensureAppRole(adminDatabaseUrl, appPassword)).toBe(appUrl);
  });
});

describe("faults are 503s that recover by themselves", () => {
  it("a missing privilege: 503 with a clear message, then 200 once granted again", async () => {
    await adminPool().query(`REVOKE SELECT ON "Tenant" FROM photo_sync_app`);
    try {
      const refused = await me();
      expect(refused.status).toBe(503);
      expect(refused.body.error).toEqual({ code: "unavailable", message: DATABASE_FAULT_MESSAGES.refused });
      expectNoDetail(JSON.stringify(refused.body));
    } finally {
      await adminPool().query(`GRANT SELECT ON "Tenant" TO photo_sync_app`);
    }
    expect((await me()).status).toBe(200);
  });

  it("a wrong password: 503 while it is wrong, 200 again once it is right, no restart", async () => {
    const literal = (await adminPool().query("SELECT quote_literal($1) AS q", [appPassword])).rows[0].q as string;
    await adminPool().query(`ALTER ROLE photo_sync_app PASSWORD 'not-what-the-app-has-1234'`);
    await adminPool().query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'photo_sync_app'`);
    try {
      const answers = [];
      for (let attempt = 0; attempt < 4; attempt++) answers.push(await me());
      expect(answers.map((answer) => answer.status)).toEqual([503, 503, 503, 503]);
      expect(answers.at(-1)!.body.error.message).toBe(DATABASE_FAULT_MESSAGES.refused);
      for (const answer of answers) expectNoDetail(JSON.stringify(answer.body));
    } finally {
      await adminPool().query(`ALTER ROLE photo_sync_app PASSWORD ${literal}`);
    }
    expect((await me()).status).toBe(200);
  });

  it("a server that accepts connections and never answers: a 503 within a few seconds", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket)); // accepts, says nothing
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const client = createAppPrismaClient(`postgresql://photo_sync_app:x@127.0.0.1:${port}/photo_sync_triage`);
    const started = performance.now();
    try {
      const error = await withTenant(tenant.tenantId, (tx) => tx.case.count(), { client }).then(() => null, (caught: unknown) => caught);
      const seconds = (performance.now() - started) / 1000;
      console.log(`[faults] silent server: failed after ${seconds.toFixed(1)} s`);
      expect(seconds).toBeLessThan(8);
      expect(databaseFault(error)).toBe("unreachable");
      expect(toProblem(error)).toEqual({ status: 503, body: { error: { code: "unavailable", message: DATABASE_FAULT_MESSAGES.unreachable } } });
    } finally {
      await client.$disconnect().catch(() => undefined);
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  }, 30_000);

  it("a database process that stops answering in the middle of a unit of work (SIGSTOP): 503 within seconds, fine after SIGCONT", async () => {
    const client = createAppPrismaClient(appUrl);
    let frozen: number | null = null;
    const started = { at: 0 };
    try {
      const error = await withTenant(
        tenant.tenantId,
        async (tx) => {
          const [backend] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          frozen = backend!.pid;
          process.kill(frozen, "SIGSTOP"); // the server stops answering this connection mid-transaction
          started.at = performance.now();
          return tx.case.count();
        },
        { client },
      ).then(
        () => null,
        (caught: unknown) => caught,
      );
      const seconds = (performance.now() - started.at) / 1000;
      console.log(`[faults] frozen backend: failed after ${seconds.toFixed(1)} s`);
      expect(seconds).toBeLessThan(12); // query_timeout (9 s), not a hang
      expect(databaseFault(error)).toBe("unreachable");
    } finally {
      if (frozen !== null) process.kill(frozen, "SIGCONT");
    }
    // The same client recovers: the frozen connection was dropped and a new one made.
    try {
      await expect(withTenant(tenant.tenantId, (tx) => tx.case.count(), { client })).resolves.toBeGreaterThanOrEqual(0);
    } finally {
      await client.$disconnect().catch(() => undefined);
    }
  }, 40_000);
});
