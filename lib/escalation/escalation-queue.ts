import { z } from "zod";
import type { CaseStatus, Platform, Prisma } from "@/lib/db/generated/client";
import { parseInput } from "@/lib/errors/validation";
import { displayCaseNumber } from "@/lib/cases/case-number";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant, type TenantTx } from "@/lib/tenancy/with-tenant";
import { decodeTimeIdCursor, encodeTimeIdCursor, type TimeIdCursor } from "@/lib/util/time-id-cursor";

// The supervisors' queue (SPEC §4): "Awaiting review", oldest submission first, and "Ready, not
// submitted", longest-ready first. Both paged in the database by keyset (time, id), like the case list.

const escalationQueueSchema = z.strictObject({
  reviewCursor: z.string().max(200).optional(),
  readyCursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type EscalationQueueQuery = z.input<typeof escalationQueueSchema>;

interface QueueCase {
  id: string;
  displayNumber: string;
  status: CaseStatus;
  customer: { name: string; email: string | null };
  devices: { platform: Platform; model: string | null; osVersion: string | null }[];
  problemSince: string;
  assignee: string | null;
  /** A supervisor returned it and it was not resubmitted since. */
  returned: boolean;
}

export interface AwaitingReviewItem extends QueueCase {
  submittedAt: string;
  submittedBy: string;
  overridden: boolean;
  /** The case had versioned writes (facts, assignee…) after it was submitted. */
  changedSinceSubmission: boolean;
}

export interface ReadyItem extends QueueCase {
  readySince: string;
}

interface QueueSection<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export interface EscalationQueue {
  awaiting: QueueSection<AwaitingReviewItem>;
  ready: QueueSection<ReadyItem>;
}

const ACTIVE: CaseStatus[] = ["open", "waiting_on_customer"];

const caseSelect = {
  id: true,
  number: true,
  status: true,
  version: true,
  problemSince: true,
  escalationSubmittedAt: true,
  escalationReadyAt: true,
  escalationReturnedAt: true,
  customer: { select: { name: true, email: true } },
  assignee: { select: { user: { select: { name: true } } } },
  devices: { select: { platform: true, model: true, osVersion: true }, orderBy: { position: "asc" } },
} satisfies Prisma.CaseSelect;

export async function escalationQueue(ctx: TenantContext, raw: EscalationQueueQuery = {}, now = new Date()): Promise<EscalationQueue> {
  const query = parseInput(escalationQueueSchema, raw);
  const reviewAfter = query.reviewCursor ? decodeQueueCursor(query.reviewCursor, "reviewCursor") : null;
  const readyAfter = query.readyCursor ? decodeQueueCursor(query.readyCursor, "readyCursor") : null;
  const { tenantId } = ctx;
  return withTenant(tenantId, async (tx) => ({
    awaiting: await awaitingReview(tx, tenantId, query.limit, reviewAfter),
    ready: await readyNotSubmitted(tx, tenantId, query.limit, readyAfter, now),
  }));
}

/** How many cases await review: the count beside "Escalations" in the navigation. */
export async function awaitingReviewCount(ctx: TenantContext): Promise<number> {
  return withTenant(ctx.tenantId, (tx) => tx.case.count({ where: { tenantId: ctx.tenantId, status: "escalation_review" } }));
}

async function awaitingReview(tx: TenantTx, tenantId: string, limit: number, after: TimeIdCursor | null): Promise<QueueSection<AwaitingReviewItem>> {
  const where: Prisma.CaseWhereInput = { tenantId, status: "escalation_review" };
  const rows = await tx.case.findMany({
    where: after ? { AND: [where, keysetAfter("escalationSubmittedAt", after)] } : where,
    orderBy: [{ escalationSubmittedAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: {
      ...caseSelect,
      packets: { orderBy: [{ submittedAt: "desc" }, { id: "desc" }], take: 1, select: { actorLabel: true, caseVersion: true, overrideReason: true } },
    },
  });
  const total = await tx.case.count({ where });
  return section(rows, limit, total, (row) => row.escalationSubmittedAt, (row) => {
    const packet = row.packets[0];
    return {
      ...queueCase(row),
      submittedAt: (row.escalationSubmittedAt ?? row.problemSince).toISOString(),
      submittedBy: packet?.actorLabel ?? "Unknown",
      overridden: Boolean(packet?.overrideReason),
      changedSinceSubmission: packet ? row.version > packet.caseVersion : false,
    };
  });
}

async function readyNotSubmitted(tx: TenantTx, tenantId: string, limit: number, after: TimeIdCursor | null, now: Date): Promise<QueueSection<ReadyItem>> {
  const where: Prisma.CaseWhereInput = { tenantId, status: { in: ACTIVE }, escalationReadyAt: { lte: now } };
  const rows = await tx.case.findMany({
    where: after ? { AND: [where, keysetAfter("escalationReadyAt", after)] } : where,
    orderBy: [{ escalationReadyAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: caseSelect,
  });
  const total = await tx.case.count({ where });
  return section(rows, limit, total, (row) => row.escalationReadyAt, (row) => ({
    ...queueCase(row),
    readySince: row.escalationReadyAt!.toISOString(),
  }));
}

type Row = Prisma.CaseGetPayload<{ select: typeof caseSelect }>;

function queueCase(row: Row): QueueCase {
  return {
    id: row.id,
    displayNumber: displayCaseNumber(row.number),
    status: row.status,
    customer: row.customer,
    devices: row.devices,
    problemSince: row.problemSince.toISOString(),
    assignee: row.assignee?.user.name ?? null,
    returned: row.escalationReturnedAt !== null,
  };
}

function section<R extends { id: string }, T>(rows: R[], limit: number, total: number, key: (row: R) => Date | null, shape: (row: R) => T): QueueSection<T> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const lastKey = last ? key(last) : null;
  return {
    items: page.map(shape),
    nextCursor: rows.length > limit && last && lastKey ? encodeTimeIdCursor({ at: lastKey, id: last.id }) : null,
    total,
  };
}

// --- keyset cursor: the (time, id) of the last row shown, opaque to clients ---

function keysetAfter(column: "escalationSubmittedAt" | "escalationReadyAt", { at, id }: TimeIdCursor): Prisma.CaseWhereInput {
  return { [column]: { gte: at }, OR: [{ [column]: { gt: at } }, { [column]: at, id: { gt: id } }] };
}

const decodeQueueCursor = (raw: string, path: string) => decodeTimeIdCursor(raw, path, `${path} is not valid: use the link to the next page`);
