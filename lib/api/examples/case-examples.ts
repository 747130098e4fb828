import { caseFactsSchema } from "@/lib/facts/schema";
import type { CaseView } from "@/lib/cases/view/case-view";
import { displayCaseNumber } from "@/lib/cases/case-number";
import { suggestionsView } from "@/lib/cases/view/suggestions-view";
import { explainStatusMessage } from "@/lib/rules/status-messages";
import { DEFAULT_RULE_SETTINGS } from "@/lib/rules/settings";
import { triageCase } from "@/lib/triage/triage-case";

// Examples for the OpenAPI document: plain values (one of the demo desk's stories, written out) run
// through the real rulebook, so the reference shows what the engine answers. A fixed clock keeps the
// document byte-for-byte reproducible. The unit tests validate each example against its schema.

const EXAMPLE_NOW = new Date("2026-11-20T09:00:00Z");
const EXAMPLE_CASE_ID = "0193a6b2-7c1e-7d4a-9f3e-5b8c2d1e4f60";
const EXAMPLE_EVENT_ID = "0193a6b2-7c1e-7d4a-9f3e-5b8c2d1e4f61";

// An unplugged iPhone in Low Power Mode, stuck on "Waiting to Upload".
const story = {
  facts: {
    customer: { name: "Priya Khan", email: "priya.khan1@example.com" },
    problemSince: "2026-11-18T07:00:00.000Z",
    appleSystemStatus: "ok",
    library: { itemCount: 18400, sizeGb: 96, hasLargeFiles: true },
    icloudStorage: { totalGb: 200, freeGb: 40 },
    devices: [{ key: "iphone", platform: "iphone", model: "iPhone 12", osVersion: "16.7.8", icloudPhotosEnabled: true, lowPowerMode: true, pluggedIn: false, network: "wifi" }],
    statusMessages: [{ deviceKey: "iphone", message: "waiting_to_upload", text: "Waiting To Upload 1,204 Items", observedAt: "2026-11-19T13:00:00.000Z" }],
    symptoms: ["stuck_waiting_to_upload"],
  },
} as const;

/** A create-case body as an integration would send it. */
export const createCaseExample = { ...story.facts, status: "open" };

/** A step as an agent records it. */
export const recordStepExample = { ruleId: "disable-low-power-mode", outcome: "no_change", note: "Turned off, queue still stuck" };

/** A PATCH after a call back: Apple's status page was fine, the customer also uses a Mac, and a new status was seen. */
export const updateCaseExample = {
  version: 1,
  facts: {
    customer: { name: story.facts.customer.name },
    appleSystemStatus: "ok",
    library: { sizeGb: 96 },
    devices: [...story.facts.devices, { key: "mac", platform: "mac", model: "MacBook Air (M2)", osVersion: "14.5", network: "wifi" }],
    statusMessages: [
      ...(story.facts.statusMessages ?? []),
      { deviceKey: "mac", message: "paused", text: "Syncing paused", observedAt: "2026-11-20T08:30:00.000Z" },
    ],
  },
  status: "waiting_on_customer",
};

/** The case that the create example answers (201), shaped exactly like the API's answer. */
export function caseViewExample(): CaseView {
  const facts = caseFactsSchema.parse(story.facts);
  const { suggestions, escalation } = triageCase(facts, [], DEFAULT_RULE_SETTINGS, EXAMPLE_NOW);
  const at = EXAMPLE_NOW.toISOString();
  return {
    id: EXAMPLE_CASE_ID,
    number: 1042,
    displayNumber: displayCaseNumber(1042),
    status: "open",
    assignee: null,
    version: 1,
    facts,
    ...suggestionsView(suggestions),
    steps: [],
    stepsPage: { total: 0, nextCursor: null },
    escalation: { ready: escalation.ready, missing: [...escalation.missing], criteria: escalation.criteria, readyAt: null },
    review: { submitted: null, approved: null, returned: null },
    statusExplanations: facts.statusMessages.map((status) => ({ ...status, ...explainStatusMessage(status.message, "agent") })),
    timeline: [
      {
        id: EXAMPLE_EVENT_ID,
        type: "case.created",
        at,
        actor: { kind: "api_token", name: "API token “Helpdesk sync”", userId: null },
        data: { number: 1042, status: "open", assigneeId: null },
      },
    ],
    timelinePage: { total: 1, nextCursor: null },
    appleCaseNumber: null,
    customerRepliedAt: null,
    customerLink: null,
    fixHints: [],
    createdAt: at,
    updatedAt: at,
    resolvedAt: null,
  };
}

export const EXAMPLE_IDS = { caseId: EXAMPLE_CASE_ID };
