import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordStep } from "@/lib/cases/record-step";
import { updateCase } from "@/lib/cases/update-case";
import { rotateCustomerLink } from "@/lib/customer/rotate-customer-link";
import type { CaseView } from "@/lib/cases/view/case-view";
import { customerRequestsPerAddress, customerRequestsPerLink } from "@/lib/rate-limit/rules";
import { createTenantWithMembers } from "@/lib/members/provision-tenant";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { adminPool, closeAdminPool } from "@/tests/support/admin-db";
import { apiContext, createTestCase, deviceBody } from "@/tests/support/case-factory";
import { getJson, issueLink, openPage } from "@/tests/support/customer-link";

// The customer's link, read side: who gets what (200 / 404 / 410 / 429), the protective headers,
// and that nothing internal or of another tenant ever reaches the customer.

const INTERNAL_NOTE = "INTERNAL-7f3a: customer sounded annoyed, maybe offer a discount";
const VISIBLE_NOTE = "Restarting helped other customers with this model";
const STAFF = { email: "priya.internal@shop-a.example", name: "Priya Sharma-Whitfield" };

let staffA: TenantContext;
let assigneeId: string;
let caseA: CaseView;
let tokenA: string;
let caseB: CaseView;

beforeAll(async () => {
  const a = await createTenantWithMembers({ name: "Shop A", slug: `shop-a-${Date.now()}`, members: [{ ...STAFF, role: "agent", password: "irrelevant-password-1" }] });
  assigneeId = a.userIds[0]!;
  staffA = { tenantId: a.tenantId, actor: { kind: "user", userId: assigneeId, role: "agent", label: STAFF.name } };
  const b = await createTenantWithMembers({ name: "Shop B", slug: `shop-b-${Date.now()}`, members: [] });
  caseA = await createTestCase(staffA, { assigneeId, customer: { name: "Alma Otherwise", email: "alma@example.com" }, devices: [deviceBody()] });
  await recordStep(staffA, caseA.id, { ruleId: "check-apple-system-status", outcome: "no_change", note: INTERNAL_NOTE });
  await recordStep(staffA, caseA.id, { ruleId: "restart-device", outcome: "no_change", note: VISIBLE_NOTE, noteVisibleToCustomer: true });
  tokenA = await issueLink(staffA, caseA.id);
  caseB = await createTestCase(apiContext(b.tenantId), { customer: { name: "Bartholomew Secretcase", email: "bart@tenant-b.example" } });
  await recordStep(apiContext(b.tenantId), caseB.id, { ruleId: "restart-device", outcome: "no_change", note: "TENANT-B-NOTE", noteVisibleToCustomer: true });
});
afterAll(closeAdminPool);

function expectProtectiveHeaders(headers: Headers) {
  expect(headers.get("cache-control")).toBe("no-store");
  expect(headers.get("referrer-policy")).toBe("no-referrer");
  expect(headers.get("x-robots-tag")).toContain("noindex");
  expect(headers.get("x-frame-options")).toBe("DENY");
  expect(headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
}

describe("GET /c/{token} and /api/c/{token}", () => {
  it("shows the case in the customer's words: number, state, next steps for the iPhone only, warnings", async () => {
    const page = await openPage(tokenA);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expectProtectiveHeaders(page.headers);
    expect(page.html).toContain(`Your case ${caseA.displayNumber}`);
    expect(page.html).toContain("We&#39;re working on it");
    expect(page.html).toContain("Please don&#39;t delete photos");
    expect(page.html).toMatch(/<h2 id="next-title">What to try next<\/h2>/);
    expect(page.html).not.toMatch(/On your (Mac|iPad|Windows PC)/);
    const json = await getJson(tokenA);
    expect(json.status).toBe(200);
    expectProtectiveHeaders(json.headers);
    expect(json.body).toMatchObject({ caseNumber: caseA.displayNumber, status: "open", devices: ["iPhone 15 Pro"], canReport: true });
    expect(json.body.nextSteps.length).toBeGreaterThan(0);
    expect(json.body.nextSteps.length).toBeLessThanOrEqual(3);
    expect(json.body.nextSteps[0].title).toBe(caseA.suggestions.find((s) => s.ruleId === json.body.nextSteps[0].ruleId)!.customerTitle);
  });

  it("never shows internal notes, staff emails, full staff names, the assignee or another tenant's data", async () => {
    const page = await openPage(tokenA);
    const json = JSON.stringify((await getJson(tokenA)).body);
    for (const text of [page.html, json]) {
      for (const secret of [INTERNAL_NOTE, "INTERNAL-7f3a", STAFF.email, "Sharma-Whitfield", assigneeId, caseA.id, staffA.tenantId, "Bartholomew", "TENANT-B-NOTE", caseB.id, "alma@example.com"]) {
        expect(text, `leaked: ${secret}`).not.toContain(secret);
      }
      expect(text).toContain(VISIBLE_NOTE);
      expect(text).toContain("Priya");
    }
  });

  it("answers an unknown or malformed token with 404 and no case data", async () => {
    const random = `c_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url")}`;
    for (const token of [random, "c_short", "not-a-token"]) {
      const page = await openPage(token);
      expect(page.status).toBe(404);
      expectProtectiveHeaders(page.headers);
      expect(page.html).toContain("We can&#39;t find this page");
      const json = await getJson(token);
      expect(json.status).toBe(404);
      expectProtectiveHeaders(json.headers);
      expect(json.body.error.code).toBe("not_found");
    }
  });

  it("answers a rotated link with 410 at once, and the new link works", async () => {
    const caseC = await createTestCase(staffA, { devices: [deviceBody()] });
    const old = await issueLink(staffA, caseC.id);
    expect((await openPage(old)).status).toBe(200);
    const fresh = await issueLink(staffA, caseC.id);
    const page = await openPage(old);
    expect(page.status).toBe(410);
    expectProtectiveHeaders(page.headers);
    expect(page.html).toContain("This link no longer works");
    expect(page.html).not.toContain(caseC.displayNumber);
    const json = await getJson(old);
    expect(json.status).toBe(410);
    expect(JSON.stringify(json.body)).not.toContain(caseC.displayNumber);
    expect((await openPage(fresh)).status).toBe(200);
  });

  it("expires after the tenant's lifetime (default 30 days, or the tenant's setting)", async () => {
    const caseC = await createTestCase(staffA, { devices: [deviceBody()] });
    const token = await issueLink(staffA, caseC.id);
    const age = (days: number) => adminPool().query(`UPDATE "CustomerLink" SET "createdAt" = now() - make_interval(days => $2) WHERE "caseId" = $1 AND "revokedAt" IS NULL`, [caseC.id, days]);
    await age(29);
    expect((await openPage(token)).status).toBe(200);
    await age(31);
    expect((await openPage(token)).status).toBe(410);
    expect((await getJson(token)).status).toBe(410);
    await age(8);
    expect((await openPage(token)).status).toBe(200);
    await withTenant(staffA.tenantId, (tx) => tx.tenantRuleSettings.upsert({
      where: { tenantId: staffA.tenantId }, create: { tenantId: staffA.tenantId, thresholds: { customerLinkDays: 7 } }, update: { thresholds: { customerLinkDays: 7 } },
    }));
    try {
      expect((await openPage(token)).status).toBe(410);
    } finally {
      // The app never deletes settings (no DELETE grant): the test removes its own as the superuser.
      await adminPool().query(`DELETE FROM "TenantRuleSettings" WHERE "tenantId" = $1`, [staffA.tenantId]);
    }
  });

  it("expires 14 days after the case is resolved, and works again when it is reopened", async () => {
    const caseC = await createTestCase(staffA, { devices: [deviceBody()] });
    const token = await issueLink(staffA, caseC.id);
    const resolved = await updateCase(staffA, caseC.id, { version: caseC.version, status: "resolved" });
    const resolvedDaysAgo = (days: number) => adminPool().query(`UPDATE "Case" SET "resolvedAt" = now() - make_interval(days => $2) WHERE "id" = $1`, [caseC.id, days]);
    await resolvedDaysAgo(13);
    const page = await openPage(token);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Resolved");
    expect(page.html).not.toContain("What to try next");
    await resolvedDaysAgo(15);
    expect((await openPage(token)).status).toBe(410);
    await updateCase(staffA, caseC.id, { version: resolved.version, status: "open" });
    expect((await openPage(token)).status).toBe(200);
  });

  it("shows Apple's case number once the case is escalated", async () => {
    const caseC = await createTestCase(staffA, { devices: [deviceBody()] });
    const token = await issueLink(staffA, caseC.id);
    await adminPool().query(`UPDATE "Case" SET status = 'escalated', "appleCaseNumber" = '102938475' WHERE id = $1`, [caseC.id]);
    const page = await openPage(token);
    expect(page.html).toContain("With Apple Support");
    expect(page.html).toContain("102938475");
    expect((await getJson(token)).body.appleCaseNumber).toBe("102938475");
  });
});

describe("rate limits", () => {
  it("100 rapid requests on one link get 429 with Retry-After, while another link keeps answering", async () => {
    const caseC = await createTestCase(staffA, { devices: [deviceBody()] });
    const hammered = (await rotateCustomerLink(staffA, caseC.id)).token;
    const address = "198.51.100.7";
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let batch = 0; batch < 10; batch++) {
      const results = await Promise.all(Array.from({ length: 10 }, () => getJson(hammered, address)));
      for (const result of results) {
        statuses.push(result.status);
        if (result.status === 429) retryAfter ??= result.headers.get("retry-after");
      }
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(customerRequestsPerLink().points);
    expect(statuses.filter((status) => status === 429)).toHaveLength(100 - customerRequestsPerLink().points);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(customerRequestsPerLink().durationSeconds);
    const blockedPage = await openPage(hammered, address);
    expect(blockedPage.status).toBe(429);
    expect(blockedPage.html).toContain("Too many requests");
    expect((await openPage(tokenA)).status).toBe(200);
  });

  it("counts every request from one address, known link or not", async () => {
    const address = "198.51.100.99";
    const statuses = [];
    for (let i = 0; i < customerRequestsPerAddress().points + 3; i++) statuses.push((await getJson(`c_${"x".repeat(43)}`, address)).status);
    expect(statuses.slice(0, customerRequestsPerAddress().points).every((status) => status === 404)).toBe(true);
    expect(statuses.slice(customerRequestsPerAddress().points)).toEqual([429, 429, 429]);
    expect((await getJson(tokenA, address)).status).toBe(429);
    expect((await getJson(tokenA)).status).toBe(200);
  });
});
