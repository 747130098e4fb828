import { describe, expect, it } from "vitest";
import { CASE_STATUSES, listCasesSchema, type CaseStatus } from "@/lib/cases/schemas/case-schemas";
import { listQueryFromSearchParams } from "@/lib/cases/list/list-query-params";
import { agentCanMove, canSubmitFrom, FLOW_PERMISSION, statusColumns, statusEditTargets, transitionFlow } from "@/lib/cases/status-transitions";
import { can } from "@/lib/auth/permissions";
import { escalationActionSchema } from "@/lib/escalation/escalation-schemas";
import { PACKET_FORMAT, type PacketDocument } from "@/lib/escalation/packet-document";
import { reviewStateOf } from "@/lib/cases/view/review-state";
import { escapeHtml, renderPacketArticle, renderPacketHtmlDocument } from "@/components/packet/packet-html";
import { healthyFacts } from "@/tests/support/facts-factory";

describe("status transitions (one table)", () => {
  it("moves in and out of review only through the review flow", () => {
    expect(transitionFlow("open", "escalation_review")).toBe("submit");
    expect(transitionFlow("waiting_on_customer", "escalation_review")).toBe("submit");
    expect(transitionFlow("escalation_review", "escalated")).toBe("approve");
    expect(transitionFlow("escalation_review", "open")).toBe("return");
    expect(transitionFlow("escalation_review", "resolved")).toBeNull();
    expect(transitionFlow("resolved", "escalation_review")).toBeNull();
    for (const from of CASE_STATUSES) expect(agentCanMove(from, from === "escalation_review" || from === "escalated" ? "waiting_on_customer" : from)).toBe(from !== "escalation_review" && from !== "escalated");
  });

  it("lets a status edit resolve or reopen an escalated case, nothing else", () => {
    expect(statusEditTargets("escalated")).toEqual(["open", "escalated", "resolved"]);
    expect(statusEditTargets("escalation_review")).toEqual([]);
    expect(statusEditTargets("open")).toEqual(["open", "waiting_on_customer", "resolved"]);
    expect(agentCanMove("escalated", "resolved")).toBe(true);
    expect(agentCanMove("escalated", "waiting_on_customer")).toBe(false);
  });

  it("gives each flow its permission: submit for agents, decisions for supervisors", () => {
    expect(can("agent", FLOW_PERMISSION.submit)).toBe(true);
    expect(can("agent", FLOW_PERMISSION.approve)).toBe(false);
    expect(can("agent", FLOW_PERMISSION.return)).toBe(false);
    expect(can("supervisor", FLOW_PERMISSION.approve)).toBe(true);
    expect(canSubmitFrom("escalated")).toBe(false);
  });

  it("ends a standing return on resubmission or resolution, not on other moves", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const clears = (to: CaseStatus) => "escalationReturnNote" in statusColumns(to, now);
    expect(CASE_STATUSES.filter(clears)).toEqual(["escalation_review", "resolved"]);
  });
});

describe("escalation input", () => {
  const paths = (raw: unknown) => {
    const result = escalationActionSchema.safeParse(raw);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
  };

  it("trims Apple's number and accepts 6 to 20 letters, digits or dashes", () => {
    const parsed = escalationActionSchema.parse({ action: "approve", version: 3, appleCaseNumber: " 10-ABC-99 " });
    expect(parsed).toEqual({ action: "approve", version: 3, appleCaseNumber: "10-ABC-99" });
    expect(paths({ action: "approve", version: 3, appleCaseNumber: "a".repeat(20) })).toEqual([]);
    expect(paths({ action: "approve", version: 3, appleCaseNumber: "a".repeat(21) })).toEqual(["appleCaseNumber"]);
    expect(paths({ action: "approve", version: 3, appleCaseNumber: "12345_7" })).toEqual(["appleCaseNumber"]);
  });

  it("names the bad field: action, version, reason", () => {
    expect(paths({ action: "close", version: 1 })).toEqual(["action"]);
    expect(paths({ action: "return", version: 0, reason: "" })).toEqual(expect.arrayContaining(["version", "reason"]));
  });
});

describe("returned filter in the list URL", () => {
  it("parses returned=true and refuses other words", () => {
    expect(listCasesSchema.parse(listQueryFromSearchParams(new URLSearchParams("returned=true"))).returned).toBe(true);
    expect(listCasesSchema.safeParse(listQueryFromSearchParams(new URLSearchParams("returned=yes"))).success).toBe(false);
  });
});

describe("review state from the timeline", () => {
  const event = (escalation: string, at: string, data: Record<string, unknown> = {}) => ({
    type: "status.changed", createdAt: new Date(at), actorLabel: `${escalation} person`, data: { escalation, ...data },
  });

  it("reads the latest submission and approval; a return counts only while it stands", () => {
    const events = [
      event("submitted", "2026-01-01T00:00:00Z", { note: "first" }),
      event("returned", "2026-01-02T00:00:00Z", { reason: "add a screenshot" }),
      event("submitted", "2026-01-03T00:00:00Z", { note: "second", overrideReason: null }),
      event("approved", "2026-01-04T00:00:00Z", { appleCaseNumber: "123456" }),
    ];
    const state = reviewStateOf({ escalationReturnedAt: null, escalationReturnNote: null }, events);
    expect(state.submitted).toMatchObject({ note: "second", at: "2026-01-03T00:00:00.000Z" });
    expect(state.approved).toMatchObject({ appleCaseNumber: "123456", by: "approved person" });
    expect(state.returned).toBeNull();
    const standing = reviewStateOf({ escalationReturnedAt: new Date("2026-01-02T00:00:00Z"), escalationReturnNote: "add a screenshot" }, events.slice(0, 2));
    expect(standing.returned).toMatchObject({ reason: "add a screenshot", by: "returned person" });
  });
});

describe("packet HTML", () => {
  const hostile = `<script>alert("x")</script>`;
  const doc: PacketDocument = {
    format: PACKET_FORMAT,
    kind: "submission",
    generatedAt: "2026-01-01T10:00:00.000Z",
    tenant: { id: "t", name: `Shop & ${hostile}` },
    case: { id: "c", number: 7, displayNumber: "PST-7", status: "escalation_review", version: 4, openedAt: "2026-01-01T00:00:00.000Z", assignee: null },
    submission: { id: "p", submittedAt: "2026-01-01T10:00:00.000Z", submittedBy: { kind: "user", name: "Alex" }, note: hostile, overrideReason: `Because "${hostile}"` },
    facts: healthyFacts({
      customer: { name: hostile, email: null },
      statusMessages: [{ deviceKey: "iphone", message: "paused", text: hostile, observedAt: "2026-01-01T09:00:00Z", screenshotId: "s1" }],
    }),
    screenshots: [{ id: "s1", contentType: "image/png", sizeBytes: 10, sha256: "ab".repeat(32), file: "screenshots/s1.png" }],
    steps: [{ ruleId: "restart-device", title: "Restart", outcome: "no_change", note: hostile, triedAt: "2026-01-01T08:00:00.000Z", recordedAt: "2026-01-01T08:00:00.000Z", by: { kind: "user", name: hostile } }],
    readiness: { ready: false, missing: [hostile], criteria: [{ id: "persistence", label: "Persisted", met: false, missing: [hostile] }] },
    timeline: [{ at: "2026-01-01T10:00:00.000Z", by: { kind: "user", name: hostile }, type: "status.changed", summary: hostile }],
    timelineTotal: 40,
  };

  it("escapes every value taken from the case", () => {
    const html = renderPacketHtmlDocument(doc, { screenshotSrc: (shot) => `${shot.file}?"><script>` });
    expect(html).not.toContain("<script>");
    expect(html).toContain(escapeHtml(hostile));
    expect(html).toContain('src="screenshots/s1.png?&quot;&gt;&lt;script&gt;"');
  });

  it("shows the override reason, the screenshot and a shortened timeline; heading levels follow the page", () => {
    const html = renderPacketArticle(doc, { screenshotSrc: (shot) => `/api/v1/attachments/${shot.id}`, headingLevel: 2 });
    expect(html).toContain("Supervisor's reason: Because &quot;&lt;script&gt;");
    expect(html).toContain('<img src="/api/v1/attachments/s1"');
    expect(html).toContain("The latest 1 of 40 events.");
    expect(html).toMatch(/<h2 id="pkt-title">/);
    expect(html).not.toMatch(/<h1/);
    expect(html).toContain("Readiness at submission");
  });
});
