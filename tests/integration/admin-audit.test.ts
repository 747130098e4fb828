import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as auditRoute } from "@/app/api/v1/audit/route";
import { POST as inviteRoute } from "@/app/api/v1/members/route";
import { PATCH as changeRoute } from "@/app/api/v1/members/[userId]/route";
import { DELETE as revokeInvitationRoute } from "@/app/api/v1/invitations/[id]/route";
import { POST as createTokenRoute } from "@/app/api/v1/api-tokens/route";
import { DELETE as revokeTokenRoute } from "@/app/api/v1/api-tokens/[id]/route";
import { GET as getSettingsRoute, PUT as putSettingsRoute } from "@/app/api/v1/rule-settings/route";
import { changeOwnPassword } from "@/lib/members/change-password";
import { staffContextOf } from "@/tests/support/sessions";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { adminPool, closeAdminPool, userIdByEmail } from "@/tests/support/admin-db";
import { invitationToken } from "@/tests/support/admin-context";
import { call } from "@/tests/support/api-client";
import { issueTestToken } from "@/tests/support/tokens";

let tenant: ProvisionedTenant;
let other: ProvisionedTenant;
let token: string;

beforeAll(async () => {
  tenant = await provisionTenant({ name: "Audit Tenant" });
  other = await provisionTenant({ name: "Audit Other" });
  token = await issueTestToken(tenant.tenantId, "admin", { name: "Audit admin token" });
});
afterAll(closeAdminPool);

const audit = (query: Record<string, string> = {}, as = token) => call(auditRoute, "GET", "/api/v1/audit", { token: as, query });

type Entry = { action: string; actor: { kind: string; label: string }; target: { label: string }; before: unknown; after: unknown };

describe("the administration log", () => {
  it("records every member, token and settings change with who, when, before and after, newest first", async () => {
    const email = "audited.person@audit.example";
    const invited = await call(inviteRoute, "POST", "/x", { token, body: { name: "Audited Person", email, role: "agent" } });
    await acceptInvitation(invitationToken(invited.body.url), { name: "Audited Person", password: "audited person pass", confirmPassword: "audited person pass" });
    const userId = await userIdByEmail(email);
    await call<{ userId: string }>(changeRoute, "PATCH", "/x", { token, params: { userId }, body: { role: "supervisor" } });
    await call<{ userId: string }>(changeRoute, "PATCH", "/x", { token, params: { userId }, body: { active: false } });
    await call<{ userId: string }>(changeRoute, "PATCH", "/x", { token, params: { userId }, body: { active: true } });
    const withdrawn = await call(inviteRoute, "POST", "/x", { token, body: { name: "Never Joined", email: "never@audit.example", role: "agent" } });
    await call<{ id: string }>(revokeInvitationRoute, "DELETE", "/x", { token, params: { id: withdrawn.body.invitation.id } });
    const created = await call(createTokenRoute, "POST", "/x", { token, body: { name: "Audited token", role: "supervisor" } });
    await call<{ id: string }>(revokeTokenRoute, "DELETE", "/x", { token, params: { id: created.body.token.id } });
    const { body: settings } = await call(getSettingsRoute, "GET", "/x", { token });
    await call(putSettingsRoute, "PUT", "/x", { token, body: { version: settings.version, disabledRules: ["restart-device"], thresholds: { escalationHours: 12 } } });
    const staff = (await staffContextOf({ userId, tenantId: tenant.tenantId }))!;
    await changeOwnPassword(staff, { currentPassword: "audited person pass", password: "audited person pass 2", confirmPassword: "audited person pass 2" });

    const res = await audit();
    expect(res.status).toBe(200);
    const items = res.body.items as Entry[];
    expect(items.map((e) => e.action)).toEqual([
      "member.password_changed",
      "rule_settings.updated",
      "api_token.revoked",
      "api_token.created",
      "invitation.revoked",
      "member.invited",
      "member.reactivated",
      "member.deactivated",
      "member.role_changed",
      "invitation.accepted",
      "member.invited",
    ]);
    const byAction = (action: string) => items.find((e) => e.action === action)!;
    expect(byAction("member.role_changed")).toMatchObject({
      actor: { kind: "api_token", label: "API token “Audit admin token”" },
      target: { label: `Audited Person <${email}>` },
      before: { role: "agent" },
      after: { role: "supervisor" },
    });
    expect(byAction("member.deactivated")).toMatchObject({ before: { active: true }, after: { active: false } });
    expect(byAction("invitation.accepted")).toMatchObject({ actor: { kind: "user", label: "Audited Person" }, after: { role: "agent", email } });
    expect(byAction("api_token.created")).toMatchObject({ before: null, after: { name: "Audited token", role: "supervisor" } });
    expect(byAction("api_token.revoked")).toMatchObject({ before: { status: "active" }, after: { status: "revoked" } });
    expect(byAction("rule_settings.updated")).toMatchObject({
      before: { disabledRules: [], thresholds: { escalationHours: 24 } },
      after: { disabledRules: ["restart-device"], thresholds: { escalationHours: 12 } },
    });
    expect(byAction("member.password_changed")).toMatchObject({ actor: { label: "Audited Person" }, before: null, after: null });
    // No secret, link or hash ever lands in the log.
    const text = JSON.stringify(items);
    expect(text).not.toContain(created.body.secret);
    expect(text).not.toContain(invitationToken(invited.body.url));
    expect(text).not.toMatch(/\$argon2|[0-9a-f]{64}/);
  });

  it("pages newest first with a cursor, without repeats or gaps, and filters by action", async () => {
    const all = (await audit({ limit: "100" })).body.items as Array<{ id: string }>;
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await audit({ limit: "3", ...(cursor ? { cursor } : {}) });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      paged.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all.map((item) => item.id));
    expect(paged.length).toBeGreaterThan(3);
    const filtered = (await audit({ action: "member.invited" })).body.items as Entry[];
    expect(filtered.length).toBe(2);
    expect(filtered.every((e) => e.action === "member.invited")).toBe(true);
  });

  it("shows nothing of another tenant", async () => {
    const theirs = await audit({}, other.apiToken);
    expect(theirs.status).toBe(200);
    expect(JSON.stringify(theirs.body)).not.toContain("Audited Person");
  });

  it.each([
    [{ limit: "0" }, "limit"],
    [{ limit: "many" }, "limit"],
    [{ cursor: "garbage" }, "cursor"],
    [{ action: "member.deleted" }, "action"],
    [{ sort: "asc" }, "sort"],
  ])("refuses the query %o with 400 on %s", async (query, path) => {
    const res = await audit(query as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it.each(["agent", "supervisor"] as const)("a %s token can't read it (403)", async (role) => {
    expect((await audit({}, await issueTestToken(tenant.tenantId, role))).status).toBe(403);
  });

  it("can't be changed or deleted by the application role, nor by the owner", async () => {
    const entryId = ((await audit({ limit: "1" })).body.items[0] as { id: string }).id;
    await expect(withTenant(tenant.tenantId, (tx) => tx.$executeRaw`UPDATE "AuditEntry" SET "actorLabel" = 'someone else' WHERE id = ${entryId}::uuid`))
      .rejects.toThrow(/permission denied/);
    await expect(withTenant(tenant.tenantId, (tx) => tx.$executeRaw`DELETE FROM "AuditEntry" WHERE id = ${entryId}::uuid`)).rejects.toThrow(/permission denied/);
    await expect(withTenant(tenant.tenantId, (tx) => tx.auditEntry.deleteMany({ where: { tenantId: tenant.tenantId } }))).rejects.toThrow();
    // The trigger stops even a superuser's accident.
    await expect(adminPool().query(`UPDATE "AuditEntry" SET "actorLabel" = 'x' WHERE id = $1`, [entryId])).rejects.toThrow(/append-only/);
    await expect(adminPool().query(`DELETE FROM "AuditEntry" WHERE id = $1`, [entryId])).rejects.toThrow(/append-only/);
    const { rows } = await adminPool().query(`SELECT "actorLabel" FROM "AuditEntry" WHERE id = $1`, [entryId]);
    expect(rows[0].actorLabel).not.toBe("someone else");
  });
});
