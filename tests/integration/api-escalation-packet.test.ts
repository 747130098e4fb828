import "@/tests/support/integration-env";
import { createHash } from "node:crypto";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as escalationRoute } from "@/app/api/v1/cases/[id]/escalation/route";
import { GET as packetRoute } from "@/app/api/v1/cases/[id]/packet/route";
import { GET as zipRoute } from "@/app/api/v1/cases/[id]/packet.zip/route";
import { PATCH as patchRoute } from "@/app/api/v1/cases/[id]/route";
import { POST as stepRoute } from "@/app/api/v1/cases/[id]/steps/route";
import { saveScreenshot } from "@/lib/cases/attachments";
import { createCase } from "@/lib/cases/create-case";
import { appPrisma } from "@/lib/db/client";
import { CRITERION_IDS } from "@/lib/rules/escalation-criteria";
import { packetDocumentSchema } from "@/lib/escalation/packet-document";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { closeAdminPool, rowCounts } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { apiContext, caseBody, deviceBody } from "@/tests/support/case-factory";
import { createReadyCase } from "@/tests/support/escalation-factory";
import { makePng } from "@/tests/support/png";
import { issueTestToken } from "@/tests/support/tokens";

// The escalation packet (SPEC §4/§5): every field, frozen at submission, and packet.zip byte for byte.

let a: ProvisionedTenant;
let b: ProvisionedTenant;
let agentToken: string;
const shots = { iphone: makePng(39, 84, [[20, 20, 20], [250, 200, 0]]), mac: makePng(120, 75, [[200, 30, 30], [255, 255, 255]]) };
const ids = { iphone: "", mac: "" };
let caseId = "";
let submittedVersion = 0;

const packet = (token: string, id: string) => call(packetRoute, "GET", `/api/v1/cases/${id}/packet`, { token, params: { id } });
const zip = (token: string, id: string) => call(zipRoute, "GET", `/api/v1/cases/${id}/packet.zip`, { token, params: { id } });

beforeAll(async () => {
  a = await provisionTenant({ name: "Packet Shop A" });
  b = await provisionTenant({ name: "Packet Shop B" });
  agentToken = await issueTestToken(a.tenantId, "agent");
  const ctx = apiContext(a.tenantId);
  ids.iphone = (await saveScreenshot(ctx, { contentType: "image/png", bytes: shots.iphone })).id;
  ids.mac = (await saveScreenshot(ctx, { contentType: "image/png", bytes: shots.mac })).id;
  const observedAt = new Date(Date.now() - 5 * 3_600_000).toISOString();
  const ready = await createReadyCase(ctx, {
    library: { itemCount: 12_000, sizeGb: 85, hasLargeFiles: true },
    devices: [
      deviceBody({ pluggedIn: true, osVersion: "18.1", dateTimeAutomatic: true }),
      deviceBody({ key: "mac-1", platform: "mac", model: "MacBook Air M2", osVersion: "15.1", pluggedIn: true, dateTimeAutomatic: true }),
    ],
    statusMessages: [
      { deviceKey: "iphone-1", message: "waiting_to_upload", text: "Waiting to Upload 312 Items", observedAt, screenshotId: ids.iphone },
      { deviceKey: "mac-1", message: "other", text: "Unable to upload 12 items", observedAt, screenshotId: ids.mac },
    ],
  });
  caseId = ready.id;
  const submitted = await call(escalationRoute, "POST", `/api/v1/cases/${caseId}/escalation`, {
    token: agentToken,
    body: { action: "submit", version: ready.version, note: "Two days stuck on both devices" },
    params: { id: caseId },
  });
  expect(submitted.status).toBe(200);
  submittedVersion = submitted.body.version;
}, 120_000);
afterAll(closeAdminPool);

describe("GET /api/v1/cases/{id}/packet", () => {
  it("holds every field SPEC §4 lists, in the frozen submission", async () => {
    const res = await packet(agentToken, caseId);
    expect(res.status).toBe(200);
    const doc = packetDocumentSchema.parse(res.body.submission);
    expect(doc).toMatchObject({
      kind: "submission",
      tenant: { id: a.tenantId, name: "Packet Shop A" },
      case: { id: caseId, displayNumber: expect.stringMatching(/^PST-\d+$/), status: "escalation_review", version: submittedVersion },
      submission: { submittedBy: { kind: "api_token" }, note: "Two days stuck on both devices", overrideReason: null },
    });
    expect(doc.facts.customer).toMatchObject({ name: expect.stringMatching(/Casey Customer/), email: expect.stringMatching(/@example.com$/) });
    expect(doc.facts.devices.map((d) => [d.platform, d.model, d.osVersion])).toEqual([
      ["iphone", "iPhone 15 Pro", "18.1"],
      ["mac", "MacBook Air M2", "15.1"],
    ]);
    expect(doc.facts.library).toMatchObject({ itemCount: 12_000, sizeGb: 85 });
    expect(doc.facts.icloudStorage).toEqual({ totalGb: 200, freeGb: 40 });
    expect(doc.facts.statusMessages.map((s) => [s.text, s.screenshotId])).toEqual([
      ["Waiting to Upload 312 Items", ids.iphone],
      ["Unable to upload 12 items", ids.mac],
    ]);
    const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
    expect(doc.screenshots).toEqual([
      { id: ids.iphone, contentType: "image/png", sizeBytes: shots.iphone.length, sha256: sha(shots.iphone), file: `screenshots/${ids.iphone}.png` },
      { id: ids.mac, contentType: "image/png", sizeBytes: shots.mac.length, sha256: sha(shots.mac), file: `screenshots/${ids.mac}.png` },
    ]);
    expect(doc.steps.length).toBeGreaterThan(3);
    for (const step of doc.steps) {
      expect(step).toMatchObject({ outcome: "no_change", by: { kind: "api_token", name: "Test agent token" } });
      expect(step.title.length).toBeGreaterThan(3);
      expect(Date.parse(step.triedAt)).not.toBeNaN();
    }
    expect(doc.readiness.ready).toBe(true);
    expect(doc.readiness.criteria.map((c) => [c.id, c.met])).toEqual(CRITERION_IDS.map((id) => [id, true]));
    expect(doc.timeline.length).toBeGreaterThan(0);
    expect(doc.timeline.length).toBeLessThanOrEqual(15);
    expect(doc.timelineTotal).toBeGreaterThanOrEqual(doc.timeline.length);
    expect(doc.timeline[0]!.summary.length).toBeGreaterThan(0);
    expect(res.body.submissions).toHaveLength(1);
    expect(res.body.changesSinceSubmission).toEqual({ facts: [], stepsAdded: [], edited: false });
  });

  it("does not change when facts are edited and steps recorded after submission; the difference is shown", async () => {
    const before = (await packet(agentToken, caseId)).body;
    const edited = await call(patchRoute, "PATCH", `/api/v1/cases/${caseId}`, {
      token: agentToken,
      body: { version: submittedVersion, facts: { library: { sizeGb: 140 }, icloudStorage: { freeGb: 2 } } },
      params: { id: caseId },
    });
    expect(edited.status).toBe(200);
    const step = await call(stepRoute, "POST", `/api/v1/cases/${caseId}/steps`, {
      token: agentToken,
      body: { ruleId: "restart-device", outcome: "no_change", note: "Restarted again after submitting" },
      params: { id: caseId },
    });
    expect(step.status).toBe(201);

    const after = (await packet(agentToken, caseId)).body;
    expect(after.submission).toEqual(before.submission);
    expect(after.submission.facts.library.sizeGb).toBe(85);
    expect(after.current.facts.library.sizeGb).toBe(140);
    expect(after.changesSinceSubmission.facts.map((c: { field: string }) => c.field)).toEqual(["library.sizeGb", "icloudStorage.freeGb"]);
    expect(after.changesSinceSubmission.stepsAdded).toEqual([expect.objectContaining({ ruleId: "restart-device", note: "Restarted again after submitting" })]);
    expect(after.changesSinceSubmission.edited).toBe(true);
  });

  it("a case never submitted has a draft packet and no submission", async () => {
    const fresh = await createCase(apiContext(a.tenantId), caseBody());
    const res = await packet(agentToken, fresh.case.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ submission: null, changesSinceSubmission: null, submissions: [] });
    expect(res.body.current).toMatchObject({ kind: "draft", submission: null, case: { id: fresh.case.id, status: "open" } });
  });

  it("another tenant's case (and a malformed id) is a 404 for the JSON and the ZIP", async () => {
    expect((await packet(b.apiToken, caseId)).status).toBe(404);
    expect((await zip(b.apiToken, caseId)).status).toBe(404);
    expect((await packet(agentToken, "nope")).status).toBe(404);
  });
});

describe("GET /api/v1/cases/{id}/packet.zip", () => {
  it("holds packet.json, packet.html and every screenshot byte for byte", async () => {
    const res = await zip(agentToken, caseId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="PST-\d+-packet\.zip"$/);
    const files = unzipSync(res.body as Uint8Array);
    expect(Object.keys(files).sort()).toEqual(["packet.html", "packet.json", `screenshots/${ids.iphone}.png`, `screenshots/${ids.mac}.png`].sort());

    const json = JSON.parse(strFromU8(files["packet.json"]!));
    const api = (await packet(agentToken, caseId)).body;
    expect(json.submission).toEqual(api.submission);
    expect(json.current.facts).toEqual(api.current.facts);

    expect(Buffer.from(files[`screenshots/${ids.iphone}.png`]!).equals(shots.iphone)).toBe(true);
    expect(Buffer.from(files[`screenshots/${ids.mac}.png`]!).equals(shots.mac)).toBe(true);

    const html = strFromU8(files["packet.html"]!);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(api.displayNumber);
    expect(html).toContain(`<img src="screenshots/${ids.iphone}.png"`);
    expect(html).toContain(`<img src="screenshots/${ids.mac}.png"`);
    expect(html).toContain("Waiting to Upload 312 Items");
    expect(html).toContain("Two days stuck on both devices");
    // The HTML shows the frozen submission, not the later edit.
    expect(html).toContain("85 GB");
    expect(html).not.toContain("140 GB");
  });
});

describe("what the database guarantees", () => {
  it("frozen packets and their screenshot links are append-only; screenshot bytes can't change", async () => {
    const attempt = (sql: string) => withTenant(a.tenantId, (tx) => tx.$executeRawUnsafe(sql), { client: appPrisma() });
    await expect(attempt(`UPDATE "EscalationPacket" SET "note" = 'rewritten'`)).rejects.toThrow(/permission denied|append-only/i);
    await expect(attempt(`DELETE FROM "EscalationPacket"`)).rejects.toThrow(/permission denied|append-only/i);
    await expect(attempt(`DELETE FROM "EscalationPacketScreenshot"`)).rejects.toThrow(/permission denied|append-only/i);
    await expect(attempt(`UPDATE "Attachment" SET "data" = '\\x00'::bytea WHERE id = '${ids.iphone}'`)).rejects.toThrow(/immutable/i);
    await expect(attempt(`DELETE FROM "Attachment" WHERE id = '${ids.mac}'`)).rejects.toThrow(/foreign key|violates/i);
    const counts = await rowCounts();
    await attempt(`UPDATE "Attachment" SET "caseId" = "caseId" WHERE id = '${ids.iphone}'`); // an unchanged row is fine
    expect(await rowCounts()).toEqual(counts);
  });
});
