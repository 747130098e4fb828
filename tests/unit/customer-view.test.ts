import { describe, expect, it } from "vitest";
import type { CaseView } from "@/lib/cases/view/case-view";
import type { StepView } from "@/lib/cases/view/case-view";
import { customerReplyColumns } from "@/lib/cases/customer-reply";
import { suggestionsView } from "@/lib/cases/view/suggestions-view";
import { customerViewOf, NEXT_STEPS_SHOWN } from "@/lib/customer/customer-view";
import { customerLinkExpiresAt } from "@/lib/cases/customer-link-lifetime";
import { isWellFormedCustomerToken } from "@/lib/customer/link-token";
import { newSecret } from "@/lib/auth/secrets";
import { suggest } from "@/lib/rules/engine";
import type { CaseFacts } from "@/lib/facts/schema";
import { healthyDevice, healthyFacts, hoursBefore, makeFacts, NOW, unknownDevice, unknownFacts } from "@/tests/support/facts-factory";

const DAY = 86_400_000;

function staffStep(overrides: Partial<StepView> = {}): StepView {
  return {
    id: `step-${Math.random()}`, ruleId: "restart-device", outcome: "no_change", note: "internal remark", noteVisibleToCustomer: false,
    triedAt: hoursBefore(3), recordedAt: hoursBefore(3), by: { kind: "user", name: "Priya Sharma-Whitfield" }, ...overrides,
  };
}

function viewOf(facts: CaseFacts, steps: StepView[] = [], extra: Partial<CaseView> = {}): CaseView {
  const result = suggest(facts, { now: NOW, triedSteps: steps.map((s) => ({ ruleId: s.ruleId as never, outcome: s.outcome as never, note: s.note, triedAt: new Date(s.triedAt) })) });
  return {
    id: "0196f0c0-0000-7000-8000-000000000001", number: 7, displayNumber: "PST-7", status: "open", assignee: { id: "u-1", name: "Priya Sharma-Whitfield" },
    version: 1, facts, ...suggestionsView(result), steps, escalation: { ready: false, missing: [], criteria: [] as never, readyAt: null },
    stepsPage: { total: steps.length, nextCursor: null }, statusExplanations: [], timeline: [], timelinePage: { total: 0, nextCursor: null }, appleCaseNumber: null, review: { submitted: null, approved: null, returned: null }, customerRepliedAt: null, customerLink: null, fixHints: [],
    createdAt: hoursBefore(10), updatedAt: hoursBefore(1), resolvedAt: null, ...extra,
  };
}

const context = { supportName: "Demo Repair Shop", linkExpiresAt: new Date(NOW.getTime() + 30 * DAY) };

describe("customerViewOf", () => {
  it("shows a few next steps in the customer's words, only for the case's platforms", () => {
    const facts = unknownFacts([unknownDevice("iphone")]);
    const view = customerViewOf(viewOf(facts), context);
    expect(view.nextSteps).toHaveLength(NEXT_STEPS_SHOWN);
    expect(view.laterStepCount).toBeGreaterThan(0);
    const all = view.nextSteps.flatMap((step) => [step.title, ...step.instructions]).join("\n");
    expect(all).not.toMatch(/On your (Mac|iPad|Windows PC)/);
    expect(view.nextSteps[0]!.title).toBe(viewOf(facts).suggestions[0]!.customerTitle);
    expect(view.warnings.map((w) => w.text)).toContain("Please don't delete photos to try to make them sync. A deletion is copied to all your devices.");
  });

  it("hides staff notes unless marked for the customer, and names staff by first name at most", () => {
    const facts = healthyFacts();
    const steps = [
      staffStep(),
      staffStep({ ruleId: "test-fresh-shot", note: "You can try this again tonight", noteVisibleToCustomer: true }),
      staffStep({ ruleId: "stable-wifi", by: { kind: "api_token", name: "API token “CRM sync”" }, note: null }),
      staffStep({ ruleId: "check-date-time", by: { kind: "user", name: "ops@shop.example" }, note: null }),
      staffStep({ ruleId: "plug-in-to-charge", by: { kind: "customer", name: "Customer" }, note: "My own note", noteVisibleToCustomer: true }),
    ];
    const tried = customerViewOf(viewOf(facts, steps), context).tried;
    const byRule = new Map(tried.map((step) => [step.ruleId, step]));
    expect(byRule.get("restart-device")).toMatchObject({ by: "Priya", note: null, outcomeLabel: "Didn't help" });
    expect(byRule.get("test-fresh-shot")).toMatchObject({ by: "Priya", note: "You can try this again tonight" });
    expect(byRule.get("stable-wifi")!.by).toBe("Your support team");
    expect(byRule.get("check-date-time")!.by).toBe("Your support team");
    expect(byRule.get("plug-in-to-charge")).toMatchObject({ by: "You", byCustomer: true, note: "My own note" });
    const json = JSON.stringify(customerViewOf(viewOf(facts, steps), context));
    for (const secret of ["internal remark", "Sharma-Whitfield", "ops@shop.example", "CRM sync", "u-1", "0196f0c0-0000-7000-8000-000000000001"]) expect(json).not.toContain(secret);
  });

  it("asks the customer to check with us before a high-risk step (a library repair, signing out)", () => {
    const facts = makeFacts({ customer: { name: "Mac Owner" }, devices: [healthyDevice("mac", "mac")] });
    const view = viewOf(facts);
    const [first, second] = view.suggestions;
    const shown = customerViewOf({ ...view, suggestions: [{ ...first!, risk: "high" }, { ...second!, risk: "medium" }] }, context);
    expect(shown.nextSteps.map((step) => step.checkWithUsFirst)).toEqual([true, false]);
  });

  it("during an Apple outage offers only the status check; a resolved case offers nothing and takes no reports", () => {
    const outage = customerViewOf(viewOf(healthyFacts({ appleSystemStatus: "outage" })), context);
    expect(outage.outage).toBe(true);
    expect(outage.nextSteps.map((s) => s.ruleId)).toEqual(["check-apple-system-status"]);
    const resolved = customerViewOf(viewOf(unknownFacts(), [], { status: "resolved" }), context);
    expect(resolved).toMatchObject({ nextSteps: [], laterStepCount: 0, canReport: false, statusTitle: "Resolved" });
  });

  it("explains the status messages seen, in the customer's words, per device", () => {
    const facts = healthyFacts({ statusMessages: [{ deviceKey: "iphone", message: "paused", text: "Upload paused (staff typed this)", observedAt: hoursBefore(2) }] });
    const view = customerViewOf(viewOf(facts), context);
    expect(view.statusMessages).toEqual([{ device: "iPhone 15 Pro", title: "Paused", explanation: "Your device has paused uploading to save battery.", whatToDo: "Turn off Low Power Mode and plug your device in to charge.", seenAt: hoursBefore(2) }]);
  });
});

describe("customerLinkExpiresAt", () => {
  const createdAt = new Date("2026-01-01T00:00:00Z");
  it("is the tenant's number of days after creation, or 14 days after resolution, whichever is first", () => {
    expect(customerLinkExpiresAt({ createdAt }, 30, null).toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(customerLinkExpiresAt({ createdAt }, 30, new Date("2026-01-05T00:00:00Z")).toISOString()).toBe("2026-01-19T00:00:00.000Z");
    expect(customerLinkExpiresAt({ createdAt }, 7, new Date("2026-01-05T00:00:00Z")).toISOString()).toBe("2026-01-08T00:00:00.000Z");
  });
});

describe("customer link tokens", () => {
  it("accepts exactly the shape the link service issues", () => {
    expect(isWellFormedCustomerToken(newSecret("c"))).toBe(true);
    for (const token of ["", "c_", newSecret("pst"), `${newSecret("c")}x`, "c_../../etc/passwd_______________________"]) {
      expect(isWellFormedCustomerToken(token), token).toBe(false);
    }
  });
});

describe("customerReplyColumns", () => {
  const now = new Date("2026-02-01T10:00:00Z");
  it("sets on a customer's report, clears when staff act, keeps on reassignment and for the system", () => {
    expect(customerReplyColumns({ kind: "customer", caseId: "c", label: "Customer" }, ["step.recorded"], now)).toEqual({ customerRepliedAt: now });
    expect(customerReplyColumns({ kind: "user", userId: "u", role: "agent", label: "A" }, ["step.recorded"], now)).toEqual({ customerRepliedAt: null });
    expect(customerReplyColumns({ kind: "api_token", tokenId: "t", role: "agent", label: "T" }, ["facts.updated"], now)).toEqual({ customerRepliedAt: null });
    expect(customerReplyColumns({ kind: "user", userId: "u", role: "agent", label: "A" }, ["assignee.changed"], now)).toEqual({});
    expect(customerReplyColumns({ kind: "user", userId: "u", role: "agent", label: "A" }, [], now)).toEqual({});
    expect(customerReplyColumns({ kind: "system", label: "S" }, ["status.changed"], now)).toEqual({});
  });
});
