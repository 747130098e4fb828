import { z } from "zod";
import { ActorKind, CaseStatus } from "@/lib/db/generated/enums";
import { CRITERION_IDS } from "@/lib/rules/escalation-criteria";
import { escalationReviewSchema } from "@/lib/cases/view/review-state";
import { fixHintSchema } from "@/lib/cases/view/fix-hints";
import { caseFactsSchema, PLATFORMS, STATUS_MESSAGES, STEP_OUTCOMES } from "@/lib/facts/schema";
import { CATEGORIES, RISKS } from "@/lib/rules/categories";
import { RULE_IDS } from "@/lib/rules/rule-ids";
import { WARNINGS, type WarningId } from "@/lib/rules/warnings";

// The case as the API answers it and the case page shows it (SPEC §5). `CaseView` and the OpenAPI
// document both come from this schema, so the answer and its description cannot drift apart.
// Arrays the rule engine shares between results are `readonly` here, as the engine hands them out.

const isoDateTime = z.iso.datetime({ offset: true });
const ruleId = z.enum(RULE_IDS).meta({ id: "RuleId", description: "Stable rule id (SPEC §3); part of the public API" });
const warningIds = WARNINGS.map((warning) => warning.id) as [WarningId, ...WarningId[]];

const suggestionWarningSchema = z.object({ id: z.enum(warningIds), text: z.string() }).readonly().meta({ id: "SuggestionWarning" });

const ruleHeading = {
  ruleId,
  title: z.string().meta({ description: "The agent's wording" }),
  customerTitle: z.string().meta({ description: "The customer's plain-language wording" }),
  category: z.enum(CATEGORIES),
  risk: z.enum(RISKS),
};

const suggestionSchema = z
  .object({
    ...ruleHeading,
    reason: z.string().meta({ description: "Which facts matched, as a sentence for the agent" }),
    strength: z.number(),
    explainsProblem: z.boolean().meta({ description: "A recorded fact by itself explains the problem (ranked first within its stage)" }),
    status: z.enum(["next", "waiting"]).meta({ description: "`waiting` while Apple reports an outage" }),
    instructions: z
      .array(z.object({ platform: z.enum(PLATFORMS), label: z.string(), steps: z.array(z.string()).readonly() }).readonly())
      .readonly()
      .meta({ description: "Menu paths, only for the platforms in the case" }),
    customerSteps: z.array(z.string()).readonly(),
    warnings: z.array(suggestionWarningSchema).readonly(),
  })
  .meta({ id: "Suggestion" });

const triedSuggestionSchema = z
  .object({
    ...ruleHeading,
    applicable: z.boolean().meta({ description: "Whether the rule still matches the current facts" }),
    reason: z.string().nullable(),
    outcome: z.enum(STEP_OUTCOMES),
    note: z.string().nullable(),
    triedAt: isoDateTime,
    attempts: z.int().min(1),
  })
  .meta({ id: "TriedSuggestion" });

const actorSchema = z.object({ kind: z.enum(ActorKind), name: z.string() });

export const stepViewSchema = z
  .object({
    id: z.uuid(),
    // Plain text: a step keeps the id it was recorded with, even for a rule retired since.
    ruleId: z.string().meta({ description: "The rule id the step was recorded for (see RuleId)" }),
    outcome: z.enum(STEP_OUTCOMES),
    note: z.string().nullable(),
    noteVisibleToCustomer: z.boolean().meta({ description: "Whether the note shows on the customer's page (always for the customer's own reports)" }),
    triedAt: isoDateTime,
    recordedAt: isoDateTime,
    by: actorSchema,
  })
  .meta({ id: "Step" });

export const timelineEventSchema = z
  .object({
    id: z.uuid(),
    type: z.string().meta({ example: "step.recorded" }),
    at: isoDateTime,
    actor: actorSchema.extend({ userId: z.uuid().nullable() }),
    data: z.unknown().meta({ description: "What changed; its shape depends on `type`" }),
  })
  .meta({ id: "TimelineEvent" });

const statusExplanationSchema = z
  .object({
    deviceKey: z.string(),
    message: z.enum(STATUS_MESSAGES),
    text: z.string().nullable(),
    observedAt: isoDateTime,
    screenshotId: z.string().nullable(),
    title: z.string(),
    explanation: z.string(),
    whatToDo: z.string(),
  })
  .meta({ id: "StatusExplanation" });

const escalationViewSchema = z
  .object({
    ready: z.boolean(),
    missing: z.array(z.string()).meta({ description: "Readable reasons the case is not ready yet" }),
    criteria: z.array(z.object({ id: z.enum(CRITERION_IDS), label: z.string(), met: z.boolean(), missing: z.array(z.string()) })),
    readyAt: isoDateTime.nullable().meta({ description: "When the case became (or will become, if nothing changes) ready" }),
  })
  .meta({ id: "EscalationReadiness" });

// A case's steps and timeline are paged (docs/decisions/0054-paging-case-history.md).
const historyPageInfo = z
  .object({
    total: z.int().min(0).meta({ description: "How many there are in all" }),
    nextCursor: z.string().nullable().meta({ description: "The page before these (older), or null when this reaches the first" }),
  })
  .meta({ id: "HistoryPageInfo" });

/** A page of a case's steps or timeline, newest first (GET /api/v1/cases/{id}/steps and …/timeline). */
export const historyPageSchema = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      items: z.array(item).meta({ description: "Newest first" }),
      nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the page before these; null at the first entry" }),
      total: z.int().min(0),
    })
    .meta({ id });

export const assigneeSchema = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const caseViewSchema = z
  .object({
    id: z.uuid(),
    number: z.int().min(1),
    displayNumber: z.string().meta({ example: "PST-1042" }),
    status: z.enum(CaseStatus),
    assignee: assigneeSchema,
    version: z.int().min(1).meta({ description: "Send it back with a PATCH; a stale one is a 409" }),
    facts: caseFactsSchema,
    outage: z.boolean(),
    suggestions: z.array(suggestionSchema).meta({ description: "The next steps, in the guides' order" }),
    triedSuggestions: z.array(triedSuggestionSchema),
    warnings: z.array(suggestionWarningSchema),
    steps: z.array(stepViewSchema).meta({ description: "The latest steps (oldest of them first); older ones by GET /api/v1/cases/{id}/steps?cursor=stepsPage.nextCursor" }),
    stepsPage: historyPageInfo,
    escalation: escalationViewSchema,
    review: escalationReviewSchema,
    statusExplanations: z.array(statusExplanationSchema),
    timeline: z.array(timelineEventSchema).meta({ description: "The latest events (oldest of them first); older ones by GET /api/v1/cases/{id}/timeline?cursor=timelinePage.nextCursor" }),
    timelinePage: historyPageInfo,
    appleCaseNumber: z.string().nullable(),
    customerRepliedAt: isoDateTime.nullable().meta({ description: "When the customer last reported through their link, until staff next act on the case" }),
    customerLink: z
      .object({ createdAt: isoDateTime, expiresAt: isoDateTime })
      .nullable()
      .meta({ description: "The customer's current link (its secret is never stored), or null when none was made" }),
    fixHints: z.array(fixHintSchema).meta({ description: "How each rule went on similar cases of this tenant, where the sample is big enough" }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    resolvedAt: isoDateTime.nullable(),
  })
  .meta({ id: "Case" });

