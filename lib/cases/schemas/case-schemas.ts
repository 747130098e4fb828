import { z } from "zod";
import { checkDeviceReferences, nameDevices } from "@/lib/facts/device-keys";
import { caseFactsObject, MAX_INT_COLUMN, PLATFORMS } from "@/lib/facts/schema";
import { triedStepSchema } from "@/lib/rules/tried-step-schema";
import { MERGED_FACT_OBJECTS } from "@/lib/cases/merge-facts";

// Input schemas of the case services. Field names follow SPEC §2/§5 (camelCase); types come from here.

export const CASE_STATUSES = ["open", "waiting_on_customer", "escalation_review", "escalated", "resolved"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses an agent (or API token) sets directly; the escalation ones belong to the review flow. */
export const AGENT_STATUSES = ["open", "waiting_on_customer", "resolved"] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

const agentStatus = z.enum(AGENT_STATUSES, { error: "Status must be open, waiting_on_customer or resolved" });
const uuid = (label: string) => z.uuid({ error: `${label} must be a UUID` });

export const createCaseSchema = caseFactsObject
  .safeExtend({
    assigneeId: uuid("Assignee").nullable().default(null),
    status: agentStatus.default("open"),
  })
  .superRefine(checkDeviceReferences, { when: () => true })
  .transform(nameDevices);

// Top-level fact keys a PATCH may send. Each value is checked when the merged facts are re-validated
// with the full schema, so errors name the real field ("facts.devices.1.osVersion").
const FACT_KEYS = [
  "customer",
  "problemSince",
  "appleIdConsistent",
  "appleSystemStatus",
  "library",
  "icloudStorage",
  "devices",
  "statusMessages",
  "symptoms",
] as const;
type FactKey = (typeof FACT_KEYS)[number];

// The OpenAPI document shows each patchable key with its shape in the facts schema (a merged
// object's fields all optional), although the value itself is checked only after merging.
function factPatchDocs(key: FactKey) {
  const { $schema: _dialect, ...shape } = z.toJSONSchema(caseFactsObject.shape[key], { io: "input" });
  if (MERGED_FACT_OBJECTS.has(key)) delete shape.required;
  return {
    description: MERGED_FACT_OBJECTS.has(key) ? `Merged into \`facts.${key}\`: send only the fields to change` : `Replaces \`facts.${key}\``,
    override: shape,
  };
}

const factsPatchSchema = z.strictObject(
  Object.fromEntries(FACT_KEYS.map((key) => [key, z.unknown().optional().meta(factPatchDocs(key))])) as Record<FactKey, z.ZodOptional<z.ZodUnknown>>,
  { error: "Facts must be an object" },
);

// "Nothing to change" is only news when everything sent was otherwise fine.
const onlyWhenValid = (payload: { issues: unknown[] }) => payload.issues.length === 0;

/** The case version a version-checked write was based on (the column is a 32-bit integer). */
export const caseVersionSchema = z
  .number({ error: "version is required: send the version you last read" })
  .int("version must be a whole number")
  .min(1, "version must be at least 1")
  .max(MAX_INT_COLUMN, "version is too large");

export const updateCaseSchema = z
  .strictObject({
    version: caseVersionSchema,
    facts: factsPatchSchema.optional(),
    status: agentStatus.optional(),
    assigneeId: uuid("Assignee").nullable().optional(),
  })
  .refine((input) => input.facts !== undefined || input.status !== undefined || input.assigneeId !== undefined, {
    message: "Nothing to change: send facts, status or assigneeId",
    path: ["(body)"],
    when: onlyWhenValid,
  });
export type UpdateCaseInput = z.infer<typeof updateCaseSchema>;

export const recordStepSchema = triedStepSchema.safeExtend({
  /** Agent notes are internal; this shows the note on the customer's page too. */
  noteVisibleToCustomer: z.boolean({ error: "noteVisibleToCustomer must be true or false" }).default(false),
});

export const bulkUpdateSchema = z
  .strictObject({
    ids: z.array(uuid("Case id"), { error: "ids must be a list of case ids" }).min(1, "Select at least one case").max(500, "500 cases at most per request"),
    assigneeId: uuid("Assignee").nullable().optional(),
    status: agentStatus.optional(),
  })
  .refine((input) => input.assigneeId !== undefined || input.status !== undefined, {
    message: "Send assigneeId or status",
    path: ["(body)"],
    when: onlyWhenValid,
  });
export type BulkUpdateInput = z.infer<typeof bulkUpdateSchema>;

// --- The case list ---

const LIST_SORTS = ["updatedAt", "createdAt", "problemSince", "number"] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** Named age ranges for the "problem age" filter, in hours [min, max). */
export const PROBLEM_AGE_BUCKETS = {
  under_1d: [null, 24],
  "1d_3d": [24, 72],
  "3d_7d": [72, 168],
  over_7d: [168, null],
} as const satisfies Record<string, readonly [number | null, number | null]>;
export type ProblemAgeBucket = keyof typeof PROBLEM_AGE_BUCKETS;

// A century: beyond it a problem age means nothing, and the date it implies stops being a date.
const MAX_PROBLEM_AGE_HOURS = 100 * 365 * 24;
const hours = (label: string) =>
  z
    .number({ error: `${label} must be a number of hours` })
    .finite(`${label} must be a number of hours`)
    .min(0, `${label} can't be negative`)
    .max(MAX_PROBLEM_AGE_HOURS, `${label} must be at most ${MAX_PROBLEM_AGE_HOURS} (100 years)`);

export const listCasesSchema = z
  .strictObject({
    status: z.array(z.enum(CASE_STATUSES, { error: "Unknown status" })).max(CASE_STATUSES.length).default([]),
    platform: z.array(z.enum(PLATFORMS, { error: "Unknown platform" })).max(PLATFORMS.length).default([]),
    escalationReady: z.boolean({ error: "escalationReady must be true or false" }).optional(),
    /** Cases a supervisor returned whose return still stands (until resubmitted or resolved). */
    returned: z.boolean({ error: "returned must be true or false" }).optional(),
    customerReplied: z.boolean({ error: "customerReplied must be true or false" }).optional(),
    assignee: z.union([z.literal("me"), z.literal("unassigned"), uuid("Assignee")], {
      error: "assignee must be a user id, 'me' or 'unassigned'",
    }).optional(),
    problemAge: z.enum(Object.keys(PROBLEM_AGE_BUCKETS) as [ProblemAgeBucket, ...ProblemAgeBucket[]], { error: "Unknown problem age range" }).optional(),
    problemAgeMinHours: hours("problemAgeMinHours").optional(),
    problemAgeMaxHours: hours("problemAgeMaxHours").optional(),
    /** No activity (no write of any kind) for at least this many hours. */
    inactiveMinHours: hours("inactiveMinHours").optional(),
    q: z.string().trim().max(200, "Search text is too long (200 characters at most)").optional(),
    sort: z.enum(LIST_SORTS, { error: `sort must be one of ${LIST_SORTS.join(", ")}` }).default("updatedAt"),
    dir: z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).default("desc"),
    // The example gives the document's readers (and Portman's generated requests) a real cursor's shape.
    cursor: z.string().max(500).optional().meta({ description: "nextCursor or prevCursor of the page before", example: "WyJ1cGRhdGVkQXQiLCJkZXNjIiwiMjAyNi0xMS0yMFQxMDowMDowMC4wMDBaIiwiMDE5M2E1YjItN2MxZS03ZDRmLThhMmItM2M0ZDVlNmY3YThiIl0" }),
    limit: z.number({ error: "limit must be a number" }).int().min(1, "limit must be 1 to 100").max(100, "limit must be 1 to 100").default(25),
  })
  .refine(
    (query) =>
      query.problemAgeMinHours === undefined ||
      query.problemAgeMaxHours === undefined ||
      query.problemAgeMinHours <= query.problemAgeMaxHours,
    { message: "problemAgeMinHours must not exceed problemAgeMaxHours", path: ["problemAgeMinHours"] },
  );
export type ListCasesQuery = z.infer<typeof listCasesSchema>;
export type ListCasesQueryInput = z.input<typeof listCasesSchema>;
