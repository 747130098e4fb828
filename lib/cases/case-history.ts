import { z } from "zod";
import type { ActorKind } from "@/lib/db/generated/client";
import { notFound } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/validation";
import { decodeTimeIdCursor, encodeTimeIdCursor, type TimeIdCursor } from "@/lib/util/time-id-cursor";
import { isUuid } from "@/lib/util/uuid";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant, type TenantTx } from "@/lib/tenancy/with-tenant";
import type { StepView, TimelineEventView } from "@/lib/cases/view/case-view";
import type { StoredCaseEvent } from "@/lib/cases/case-events";

// A case's steps and timeline grow without bound (a case with 10,000 steps is a real thing when an
// integration records attempts). Reading the case shows the latest page of each; older pages come
// by cursor from GET /api/v1/cases/{id}/steps and …/timeline (newest first), and the case page
// links to them. docs/decisions/0054-paging-case-history.md.

export const HISTORY_PAGE_SIZE = 50;

type ActorView = StepView["by"];

export interface HistoryPage<T> {
  /** Newest first. */
  items: T[];
  /** Fetches the page before these, or null when this page reaches the first entry. */
  nextCursor: string | null;
  total: number;
}

export const historyQuerySchema = z.strictObject({
  cursor: z.string().max(200, "cursor is not valid: use the nextCursor of the previous page").optional()
    .meta({ description: "nextCursor of the page before", example: "WyIyMDI2LTExLTIwVDEwOjAwOjAwLjAwMFoiLCIwMTkzYTViMi03YzFlLTdkNGYtOGEyYi0zYzRkNWU2ZjdhOGIiXQ" }),
  limit: z.number({ error: "limit must be a number" }).int("limit must be a whole number").min(1, "limit must be 1 to 200").max(200, "limit must be 1 to 200").default(HISTORY_PAGE_SIZE),
});
type HistoryQuery = z.infer<typeof historyQuerySchema>;

/** Query-string form ({ cursor?, limit? }, unknown parameters passed on so the schema names them). */
export function historyQueryFromSearchParams(params: URLSearchParams): Record<string, unknown> {
  const query: Record<string, unknown> = Object.fromEntries(params.entries());
  if (typeof query.limit === "string" && /^\d{1,6}$/.test(query.limit)) query.limit = Number(query.limit);
  return query;
}

export async function getStepsPage(ctx: TenantContext, unverifiedCaseId: string, raw: unknown): Promise<HistoryPage<StepView>> {
  const query = parseInput(historyQuerySchema, raw);
  return withExistingCase(ctx, unverifiedCaseId, (tx) => stepsPage(tx, ctx.tenantId, unverifiedCaseId, query));
}

export async function getTimelinePage(ctx: TenantContext, unverifiedCaseId: string, raw: unknown): Promise<HistoryPage<TimelineEventView>> {
  const query = parseInput(historyQuerySchema, raw);
  return withExistingCase(ctx, unverifiedCaseId, (tx) => timelinePage(tx, ctx.tenantId, unverifiedCaseId, query));
}

async function withExistingCase<T>(ctx: TenantContext, unverifiedCaseId: string, work: (tx: TenantTx) => Promise<T>): Promise<T> {
  if (!isUuid(unverifiedCaseId)) throw notFound("Case");
  return withTenant(ctx.tenantId, async (tx) => {
    const found = await tx.case.findUnique({ where: { tenantId_id: { tenantId: ctx.tenantId, id: unverifiedCaseId } }, select: { id: true } });
    if (!found) throw notFound("Case");
    return work(tx);
  });
}

/** What the caller already read in this transaction: the case's number of steps, its latest events. */
export interface KnownHistory {
  total?: number;
  recentEvents?: readonly TimelineEventView[];
}

export async function stepsPage(tx: TenantTx, tenantId: string, caseId: string, query: Partial<HistoryQuery> = {}, known: KnownHistory = {}): Promise<HistoryPage<StepView>> {
  const limit = query.limit ?? HISTORY_PAGE_SIZE;
  const before = query.cursor ? decodeHistoryCursor(query.cursor) : null;
  const knownTotal = known.total;
  if (knownTotal === 0 && !before) return { items: [], nextCursor: null, total: 0 };
  const rows = await tx.triedStep.findMany({
    where: { tenantId, caseId, ...(before ? keysetBefore("triedAt", before) : {}) },
    orderBy: [{ triedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { recordedBy: { select: { user: { select: { name: true } } } } },
  });
  const page = rows.slice(0, limit);
  const actors = await stepActors(tx, tenantId, caseId, page.map((row) => row.id), known.recentEvents ?? []);
  const total = knownTotal ?? (await tx.triedStep.count({ where: { tenantId, caseId } }));
  const last = page.at(-1);
  return {
    items: page.map((step) =>
      stepView(step, actors.get(step.id) ?? { kind: step.actorKind, name: step.recordedBy?.user.name ?? step.actorKind }),
    ),
    nextCursor: rows.length > limit && last ? encodeTimeIdCursor({ at: last.triedAt, id: last.id }) : null,
    total,
  };
}

/** `knownTotal`: how many events the case has, when the caller already knows it in this transaction. */
export async function timelinePage(tx: TenantTx, tenantId: string, caseId: string, query: Partial<HistoryQuery> = {}, knownTotal?: number): Promise<HistoryPage<TimelineEventView>> {
  const limit = query.limit ?? HISTORY_PAGE_SIZE;
  const before = query.cursor ? decodeHistoryCursor(query.cursor) : null;
  const rows = await tx.caseEvent.findMany({
    where: { tenantId, caseId, ...(before ? keysetBefore("createdAt", before) : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const total = knownTotal ?? (await tx.caseEvent.count({ where: { tenantId, caseId } }));
  const last = page.at(-1);
  return {
    items: page.map(timelineEventView),
    nextCursor: rows.length > limit && last ? encodeTimeIdCursor({ at: last.createdAt, id: last.id }) : null,
    total,
  };
}

export function timelineEventView(event: StoredCaseEvent): TimelineEventView {
  return {
    id: event.id,
    type: event.type,
    at: event.createdAt.toISOString(),
    actor: { kind: event.actorKind, name: event.actorLabel, userId: event.actorUserId },
    data: event.data,
  };
}

/** The timeline page of a case whose only events are `events`, just appended by this write (newest first, as read). */
export function pageOfNewEvents(events: readonly StoredCaseEvent[]): HistoryPage<TimelineEventView> | null {
  if (events.length > HISTORY_PAGE_SIZE) return null;
  const newestFirst = [...events].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { items: newestFirst.map(timelineEventView), nextCursor: null, total: events.length };
}

export function stepView(
  step: { id: string; ruleId: string; outcome: StepView["outcome"]; note: string | null; noteVisibleToCustomer: boolean; triedAt: Date; createdAt: Date },
  by: ActorView,
): StepView {
  return {
    id: step.id,
    ruleId: step.ruleId,
    outcome: step.outcome,
    note: step.note,
    noteVisibleToCustomer: step.noteVisibleToCustomer,
    triedAt: step.triedAt.toISOString(),
    recordedAt: step.createdAt.toISOString(),
    by,
  };
}

// Who recorded a step is on its timeline event (API tokens and customers have no user row): taken
// from the events the caller already read when they hold it (the latest steps' events are usually
// among the latest events), read for the others.
async function stepActors(
  tx: TenantTx,
  tenantId: string,
  caseId: string,
  stepIds: string[],
  recentEvents: readonly TimelineEventView[],
): Promise<Map<string, ActorView>> {
  const wanted = new Set(stepIds);
  const actors = new Map<string, ActorView>();
  for (const event of recentEvents) {
    const stepId = event.type === "step.recorded" ? (event.data as { stepId?: unknown } | null)?.stepId : undefined;
    if (typeof stepId === "string" && wanted.has(stepId)) actors.set(stepId, { kind: event.actor.kind, name: event.actor.name });
  }
  const missing = stepIds.filter((id) => !actors.has(id));
  if (missing.length === 0) return actors;
  const rows = await tx.$queryRaw<{ stepId: string; actorKind: ActorKind; actorLabel: string }[]>`
    SELECT "data"->>'stepId' AS "stepId", "actorKind", "actorLabel" FROM "CaseEvent"
    WHERE "tenantId" = ${tenantId}::uuid AND "caseId" = ${caseId}::uuid AND "type" = 'step.recorded'
      AND "data"->>'stepId' = ANY(${missing}::text[])`;
  for (const row of rows) actors.set(row.stepId, { kind: row.actorKind, name: row.actorLabel });
  return actors;
}

// (time, id) strictly before the cursor, newest first; the redundant bound starts the index scan there.
function keysetBefore<K extends "triedAt" | "createdAt">(column: K, cursor: TimeIdCursor) {
  return {
    [column]: { lte: cursor.at },
    OR: [{ [column]: { lt: cursor.at } }, { [column]: cursor.at, id: { lt: cursor.id } }],
  } as Record<K, { lte: Date }> & { OR: object[] };
}

const decodeHistoryCursor = (raw: string) => decodeTimeIdCursor(raw, "cursor", "cursor is not valid: use the nextCursor of the previous page");
