import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as inviteRoute } from "@/app/api/v1/members/route";
import { PATCH as changeRoute } from "@/app/api/v1/members/[userId]/route";
import { DELETE as revokeInvitationRoute } from "@/app/api/v1/invitations/[id]/route";
import { changeOwnPassword } from "@/lib/members/change-password";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { staffContextOf } from "@/tests/support/sessions";
import { acceptInvitation, describeInvitation } from "@/lib/members/accept-invitation";
import { changeMember } from "@/lib/members/change-member";
import { inviteMember } from "@/lib/members/invite-member";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { adminPool, closeAdminPool, rowCounts, userIdByEmail } from "@/tests/support/admin-db";
import { invitationToken, personContext } from "@/tests/support/admin-context";
import { call } from "@/tests/support/api-client";
import { issueTestToken } from "@/tests/support/tokens";

let tenant: ProvisionedTenant;
let other: ProvisionedTenant;
let adminToken: string;
let otherAdminToken: string;
let seq = 0;
const uniqueEmail = (name: string) => `${name}.${Date.now().toString(36)}.${++seq}@members.example`;

beforeAll(async () => {
  tenant = await provisionTenant({ name: "Members Tenant" });
  other = await provisionTenant({ name: "Members Other" });
  adminToken = await issueTestToken(tenant.tenantId, "admin");
  otherAdminToken = await issueTestToken(other.tenantId, "admin");
});
afterAll(closeAdminPool);

const invite = (body: unknown, token = adminToken) => call(inviteRoute, "POST", "/api/v1/members", { token, body });
const patch = (userId: string, body: unknown, token = adminToken) =>
  call<{ userId: string }>(changeRoute, "PATCH", `/api/v1/members/${userId}`, { token, body, params: { userId } });
const list = (token = adminToken) => call(listRoute, "GET", "/api/v1/members", { token });

/** Invites through the API and accepts as a new person; answers the new member's user id. */
async function addMember(role: "agent" | "supervisor" | "admin", name = `New ${role}`) {
  const email = uniqueEmail(role);
  const res = await invite({ name, email, role });
  expect(res.status).toBe(201);
  await acceptInvitation(invitationToken(res.body.url), { name, password: "a long enough password", confirmPassword: "a long enough password" });
  return { email, userId: await userIdByEmail(email) };
}

describe("inviting a member", () => {
  it("answers a one-time link; the invitee sets a password, becomes a member with the role, and can sign in", async () => {
    const email = uniqueEmail("invitee");
    const res = await invite({ name: "Ingrid Invitee", email: email.toUpperCase(), role: "supervisor" });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body.url).toMatch(/^\/invitations\/inv_[A-Za-z0-9_-]{43}$/);
    expect(res.body.invitation).toMatchObject({ email, role: "supervisor", status: "pending" });
    const expires = new Date(res.body.invitation.expiresAt).getTime() - Date.now();
    expect(expires).toBeGreaterThan(6.9 * 86_400_000);
    expect(expires).toBeLessThanOrEqual(7 * 86_400_000);
    // Only the hash is stored.
    const token = invitationToken(res.body.url);
    const stored = await adminPool().query(`SELECT "tokenHash" FROM "Invitation" WHERE email = $1`, [email]);
    expect(stored.rows[0].tokenHash).not.toContain(token);
    expect((await list()).body.invitations.map((i: { email: string }) => i.email)).toContain(email);

    expect(await describeInvitation(token)).toMatchObject({ tenantName: "Members Tenant", email, state: "pending", hasAccount: false });
    await acceptInvitation(token, { name: "Ingrid I.", password: "correct horse battery", confirmPassword: "correct horse battery" });
    const signedIn = await signInWithPassword({ email, password: "correct horse battery" }, "203.0.113.9");
    expect(signedIn).toMatchObject({ ok: true, tenantId: tenant.tenantId, name: "Ingrid I." });
    const after = (await list()).body;
    expect(after.members.find((m: { email: string }) => m.email === email)).toMatchObject({ role: "supervisor", active: true });
    expect(after.invitations.map((i: { email: string }) => i.email)).not.toContain(email);
    // The link is used up.
    await expect(acceptInvitation(token, { name: "Again", password: "another password ok", confirmPassword: "another password ok" })).rejects.toMatchObject({ code: "conflict" });
    expect((await describeInvitation(token))?.state).toBe("used");
  });

  it("refuses a short or mismatched password with the fields named, and accepts nothing", async () => {
    const res = await invite({ name: "Pat Short", email: uniqueEmail("short"), role: "agent" });
    const token = invitationToken(res.body.url);
    const before = await rowCounts();
    const refused = await acceptInvitation(token, { name: "", password: "short", confirmPassword: "different" }).catch((e) => e);
    expect(refused.code).toBe("validation_failed");
    expect(refused.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(["confirmPassword", "name", "password"]);
    expect(await rowCounts()).toEqual(before);
    expect((await describeInvitation(token))?.state).toBe("pending");
  });

  it("a person with an account elsewhere joins with their own password, which the invitation never changes", async () => {
    const email = other.admin.email;
    const res = await invite({ name: "Shared Person", email, role: "agent" });
    expect(res.status).toBe(201);
    const token = invitationToken(res.body.url);
    expect((await describeInvitation(token))?.hasAccount).toBe(true);
    const hashBefore = (await adminPool().query(`SELECT "passwordHash" FROM "User" WHERE email = $1`, [email])).rows[0].passwordHash;
    const wrong = await acceptInvitation(token, { password: "not their password" }).catch((e) => e);
    expect(wrong.details.fields).toEqual([{ path: "password", message: "That is not the password of your account" }]);
    await acceptInvitation(token, { password: other.admin.password, name: "ignored", confirmPassword: "ignored" });
    const hashAfter = (await adminPool().query(`SELECT "passwordHash" FROM "User" WHERE email = $1`, [email])).rows[0].passwordHash;
    expect(hashAfter).toBe(hashBefore);
    const userId = await userIdByEmail(email);
    expect(await staffContextOf({ userId, tenantId: tenant.tenantId })).toMatchObject({ actor: { role: "agent" } });
    expect(await staffContextOf({ userId, tenantId: other.tenantId })).toMatchObject({ actor: { role: "admin" } });
  });

  it("an expired or revoked invitation can't be used", async () => {
    const admin = await personContext(tenant.tenantId, tenant.admin.email, "admin");
    const old = await inviteMember(admin, { name: "Late Larry", email: uniqueEmail("late"), role: "agent" }, { now: new Date(Date.now() - 8 * 86_400_000) });
    expect((await describeInvitation(invitationToken(old.url)))?.state).toBe("expired");
    await expect(acceptInvitation(invitationToken(old.url), { name: "L", password: "long enough password", confirmPassword: "long enough password" }))
      .rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("expired") });

    const res = await invite({ name: "Withdrawn Wendy", email: uniqueEmail("withdrawn"), role: "agent" });
    const revoked = await call<{ id: string }>(revokeInvitationRoute, "DELETE", "/x", { token: adminToken, params: { id: res.body.invitation.id } });
    expect(revoked.status).toBe(200);
    expect((await describeInvitation(invitationToken(res.body.url)))?.state).toBe("used");
    // Another tenant's admin can't withdraw it: 404.
    const again = await invite({ name: "Kept Kim", email: uniqueEmail("kept"), role: "agent" });
    const foreign = await call<{ id: string }>(revokeInvitationRoute, "DELETE", "/x", { token: otherAdminToken, params: { id: again.body.invitation.id } });
    expect(foreign.status).toBe(404);
    expect((await describeInvitation(invitationToken(again.body.url)))?.state).toBe("pending");
  });

  const BAD: Array<[string, (email: string) => unknown, string]> = [
    ["an unknown role", (email) => ({ name: "R", email, role: "owner" }), "role"],
    ["a malformed email", () => ({ name: "R", email: "not-an-email", role: "agent" }), "email"],
    ["a missing name", (email) => ({ email, role: "agent" }), "name"],
    ["an unknown key", (email) => ({ name: "R", email, role: "agent", password: "x" }), "password"],
  ];
  it.each(BAD)("refuses %s with 400 naming the field, writing nothing", async (_label, body, path) => {
    const before = await rowCounts();
    const res = await invite(body(uniqueEmail("bad")));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a duplicate email (a member, or a pending invitation) with 400 on email, writing nothing", async () => {
    const before = await rowCounts();
    const member = await invite({ name: "Dup", email: tenant.admin.email, role: "agent" });
    expect(member.status).toBe(400);
    expect(member.body.error.fields).toEqual([{ path: "email", message: `${tenant.admin.email} is already a member` }]);
    expect(await rowCounts()).toEqual(before);

    const email = uniqueEmail("twice");
    expect((await invite({ name: "Twice", email, role: "agent" })).status).toBe(201);
    const mid = await rowCounts();
    const second = await invite({ name: "Twice", email, role: "agent" });
    expect(second.status).toBe(400);
    expect(second.body.error.fields[0]).toMatchObject({ path: "email", message: expect.stringContaining("pending invitation") });
    expect(await rowCounts()).toEqual(mid);
  });
});

describe("changing a member", () => {
  it("demoting and deactivating take effect at the member's next request; reactivating restores access", async () => {
    const { userId } = await addMember("supervisor");
    const identity = { userId, tenantId: tenant.tenantId };
    expect((await staffContextOf(identity))?.actor.role).toBe("supervisor");

    const demoted = await patch(userId, { role: "agent" });
    expect(demoted.status).toBe(200);
    expect(demoted.body).toMatchObject({ role: "agent", active: true });
    expect((await staffContextOf(identity))?.actor.role).toBe("agent");

    const deactivated = await patch(userId, { active: false });
    expect(deactivated.body).toMatchObject({ active: false });
    expect(await staffContextOf(identity)).toBeNull();

    expect((await patch(userId, { active: true })).body).toMatchObject({ active: true, role: "agent" });
    expect((await staffContextOf(identity))?.actor.role).toBe("agent");
  });

  it("the last active admin can't be demoted or deactivated (409 with a clear message)", async () => {
    const lonely = await provisionTenant({ name: "Lonely Admin" });
    const token = await issueTestToken(lonely.tenantId, "admin");
    const adminId = await userIdByEmail(lonely.admin.email);
    for (const body of [{ role: "supervisor" }, { active: false }]) {
      const res = await patch(adminId, body, token);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain("last active admin");
    }
    expect(await staffContextOf({ userId: adminId, tenantId: lonely.tenantId })).toMatchObject({ actor: { role: "admin" } });
  });

  it("two admins demoting each other at once: one succeeds, the other is refused, one admin remains", async () => {
    const pair = await provisionTenant({ name: "Admin Pair" });
    const token = await issueTestToken(pair.tenantId, "admin");
    const first = await userIdByEmail(pair.admin.email);
    const res = await call(inviteRoute, "POST", "/api/v1/members", { token, body: { name: "Second Admin", email: uniqueEmail("second"), role: "admin" } });
    await acceptInvitation(invitationToken(res.body.url), { name: "Second Admin", password: "second admin password", confirmPassword: "second admin password" });
    const second = await userIdByEmail(res.body.invitation.email);
    const firstCtx = await personContext(pair.tenantId, pair.admin.email, "admin");
    const secondCtx = await personContext(pair.tenantId, res.body.invitation.email, "admin");
    const results = await Promise.allSettled([
      changeMember(firstCtx, second, { role: "agent" }),
      changeMember(secondCtx, first, { active: false }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(refused.reason).toMatchObject({ code: "conflict" });
    const { rows } = await adminPool().query(
      `SELECT count(*)::int AS n FROM "Membership" WHERE "tenantId" = $1 AND role = 'admin' AND "deactivatedAt" IS NULL`, [pair.tenantId]);
    expect(rows[0].n).toBe(1);
  });

  it("another tenant's admin gets 404 for this tenant's member and changes nothing", async () => {
    const { userId } = await addMember("agent");
    const res = await patch(userId, { role: "admin" }, otherAdminToken);
    expect(res.status).toBe(404);
    expect((await staffContextOf({ userId, tenantId: tenant.tenantId }))?.actor.role).toBe("agent");
    expect((await list(otherAdminToken)).body.members.map((m: { userId: string }) => m.userId)).not.toContain(userId);
  });

  it("bad changes are a 400 naming the field, unknown ids a 404", async () => {
    const { userId } = await addMember("agent");
    const before = await rowCounts();
    expect((await patch(userId, { role: "owner" })).body.error.fields[0].path).toBe("role");
    expect((await patch(userId, { active: "no" })).body.error.fields[0].path).toBe("active");
    expect((await patch(userId, {})).status).toBe(400);
    expect((await patch(userId, { role: "agent", name: "x" })).status).toBe(400);
    expect((await patch("not-a-uuid", { role: "agent" })).status).toBe(404);
    expect((await patch("0193a000-0000-7000-8000-000000000000", { role: "agent" })).status).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("changing one's own password", () => {
  it("needs the current password and the length rules; then the new one signs in and the old one doesn't", async () => {
    const { email, userId } = await addMember("agent", "Pia Password");
    const staff = (await staffContextOf({ userId, tenantId: tenant.tenantId }))!;
    const wrong = await changeOwnPassword(staff, { currentPassword: "nope", password: "a brand new password", confirmPassword: "a brand new password" }).catch((e) => e);
    expect(wrong.details.fields).toEqual([{ path: "currentPassword", message: "That is not your current password" }]);
    const short = await changeOwnPassword(staff, { currentPassword: "a long enough password", password: "short", confirmPassword: "short" }).catch((e) => e);
    expect(short.details.fields.map((f: { path: string }) => f.path)).toEqual(["password"]);

    await changeOwnPassword(staff, { currentPassword: "a long enough password", password: "a brand new password", confirmPassword: "a brand new password" });
    expect(await signInWithPassword({ email, password: "a brand new password" }, "198.51.100.7")).toMatchObject({ ok: true });
    expect(await signInWithPassword({ email, password: "a long enough password" }, "198.51.100.7")).toMatchObject({ ok: false });
  });
});
