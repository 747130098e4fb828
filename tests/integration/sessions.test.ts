import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { endStaffSession, moveStaffSession, SESSION_LIFETIME_MS, startStaffSession } from "@/lib/auth/staff-session";
import { createTenantWithMembers } from "@/lib/members/provision-tenant";
import { adminPool, closeAdminPool } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { sessionCookie } from "@/tests/support/sessions";

// A browser session ends on the server: signing out revokes it wherever the cookie was copied, and
// no session outlives its absolute lifetime however fresh its cookie is. (The real sign-out button
// against the running product: e2e/auth.spec.ts.)

let tenantId: string;
let userId: string;

beforeAll(async () => {
  const created = await createTenantWithMembers({
    name: "Session Desk",
    slug: `session-desk-${Date.now()}`,
    members: [{ email: `agent-${Date.now()}@sessions.example`, name: "Sam Session", role: "agent", password: "session-password-123" }],
  });
  tenantId = created.tenantId;
  userId = created.userIds[0]!;
});
afterAll(closeAdminPool);

const me = (cookie: string) => call(meRoute, "GET", "/api/v1/me", { headers: { cookie } });

describe("staff sessions", () => {
  it("a session works until it is signed out, then its cookie stops working", async () => {
    const sessionId = await startStaffSession({ userId, tenantId });
    const cookie = await sessionCookie({ userId, tenantId }, { sessionId });
    expect((await me(cookie)).status).toBe(200);
    await endStaffSession({ tenantId, sessionId });
    expect((await me(cookie)).status).toBe(401);
  });

  it("signing out one session leaves the user's other sessions alone", async () => {
    const phone = await startStaffSession({ userId, tenantId });
    const laptop = await sessionCookie({ userId, tenantId });
    await endStaffSession({ tenantId, sessionId: phone });
    expect((await me(laptop)).status).toBe(200);
  });

  it("has an absolute lifetime: a session started longer ago is over, however new its cookie", async () => {
    const longAgo = new Date(Date.now() - SESSION_LIFETIME_MS - 60_000);
    const cookie = await sessionCookie({ userId, tenantId }, { now: longAgo });
    expect((await me(cookie)).status).toBe(401);
    const recent = await sessionCookie({ userId, tenantId }, { now: new Date(Date.now() - SESSION_LIFETIME_MS + 60_000) });
    expect((await me(recent)).status).toBe(200);
  });

  it("a cookie naming a session of another user or a made-up session is not a session", async () => {
    const other = await createTenantWithMembers({
      name: "Other Session Desk",
      slug: `other-session-${Date.now()}`,
      members: [{ email: `other-${Date.now()}@sessions.example`, name: "Olga", role: "admin", password: "session-password-123" }],
    });
    const othersSession = await startStaffSession({ userId: other.userIds[0]!, tenantId: other.tenantId });
    expect((await me(await sessionCookie({ userId, tenantId }, { sessionId: othersSession }))).status).toBe(401);
    expect((await me(await sessionCookie({ userId, tenantId }, { sessionId: "0197a000-0000-7000-8000-00000000beef" }))).status).toBe(401);
    expect((await me(await sessionCookie({ userId, tenantId }, { sessionId: "not-a-uuid" }))).status).toBe(401);
  });

  it("switching tenant ends the session in the old tenant and opens one in the new with the same absolute end", async () => {
    const other = await createTenantWithMembers({ name: "Session Other", slug: `session-other-${Date.now()}`, members: [] });
    await adminPool().query(`INSERT INTO "Membership" ("tenantId", "userId", "role") VALUES ($1, $2, 'agent')`, [other.tenantId, userId]);
    const startedAt = new Date(Date.now() - 60 * 60 * 1000);
    const sessionId = await startStaffSession({ userId, tenantId }, startedAt);
    const oldCookie = await sessionCookie({ userId, tenantId }, { sessionId });

    const moved = await moveStaffSession({ userId, tenantId, sessionId }, other.tenantId);
    expect((await me(oldCookie)).status).toBe(401);
    expect((await me(await sessionCookie({ userId, tenantId: other.tenantId }, { sessionId: moved }))).status).toBe(200);
    const { rows } = await adminPool().query(`SELECT "expiresAt" FROM "StaffSession" WHERE "tenantId" = $1 AND id = $2`, [other.tenantId, moved]);
    expect((rows[0].expiresAt as Date).getTime()).toBe(startedAt.getTime() + SESSION_LIFETIME_MS);
  });

  it("a signed-out session moved to another tenant stays ended", async () => {
    const other = await createTenantWithMembers({ name: "Session Other 2", slug: `session-other2-${Date.now()}`, members: [] });
    await adminPool().query(`INSERT INTO "Membership" ("tenantId", "userId", "role") VALUES ($1, $2, 'agent')`, [other.tenantId, userId]);
    const sessionId = await startStaffSession({ userId, tenantId });
    await endStaffSession({ tenantId, sessionId });
    const moved = await moveStaffSession({ userId, tenantId, sessionId }, other.tenantId);
    expect((await me(await sessionCookie({ userId, tenantId: other.tenantId }, { sessionId: moved }))).status).toBe(401);
  });
});
