import type { Prisma } from "@/lib/db/generated/client";
import { parseInput, validationError } from "@/lib/errors/validation";
import { listCasesSchema, PROBLEM_AGE_BUCKETS, type ListCasesQuery } from "@/lib/cases/case-schemas";
import { displayCaseNumber } from "@/lib/cases/case-number";
import type { CaseListItem, CaseListPage } from "@/lib/cases/case-response-schemas";
import { decodeCursor, encodeCursor, type ListCursor } from "@/lib/cases/list-cursor";
import { prefixUpperBound, searchWordsOf } from "@/lib/cases/search-tokens";
import { actorUserId, type TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

const HOUR_MS = 3_600_000;

/**
 * One page of the tenant's cases, filtered and sorted in the database, with keyset pagination
 * (sort key + id), so a deep page costs the same as the first. Every filter is added only when its
 * value is present: a filter is never built from an undefined value.
 */
export async function listCases(ctx: TenantContext, raw: unknown, options: { now?: Date } = {}): Promise<CaseListPage> {
  const query = parseInput(listCasesSchema, raw);
  const now = options.now ?? new Date();
  const cursor = query.cursor ? decodeCursor(query.cursor, query.sort, query.dir) : null;
  const where = buildWhere(ctx, query, cursor, now);
  const { tenantId } = ctx;

  const rows = await withTenant(tenantId, (tx) =>
    tx.case.findMany({
      where,
      orderBy: [{ [query.sort]: query.dir }, { id: query.dir }],
      take: query.limit + 1,
      select: {
        id: true,
        number: true,
        status: true,
        platforms: true,
        problemSince: true,
        escalationReadyAt: true,
        version: true,
        createdAt: true,
        updatedAt: true,
        customer: { select: { name: true, email: true } },
        assignee: { select: { userId: true, user: { select: { name: true } } } },
        devices: { select: { platform: true, model: true }, orderBy: { position: "asc" } },
      },
    }),
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      number: row.number,
      displayNumber: displayCaseNumber(row.number),
      status: row.status,
      customer: row.customer,
      assignee: row.assignee ? { id: row.assignee.userId, name: row.assignee.user.name } : null,
      platforms: row.platforms,
      devices: row.devices,
      problemSince: row.problemSince.toISOString(),
      escalationReady: row.escalationReadyAt !== null && row.escalationReadyAt <= now,
      escalationReadyAt: row.escalationReadyAt?.toISOString() ?? null,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ sort: query.sort, dir: query.dir, value: sortValue(last, query.sort), id: last.id })
        : null,
  };
}

function buildWhere(ctx: TenantContext, query: ListCasesQuery, cursor: ListCursor | null, now: Date): Prisma.CaseWhereInput {
  const and: Prisma.CaseWhereInput[] = [{ tenantId: ctx.tenantId }];
  if (query.status.length > 0) and.push({ status: { in: query.status } });
  if (query.platform.length > 0) and.push({ platforms: { hasSome: query.platform } });
  if (query.escalationReady === true) and.push({ escalationReadyAt: { lte: now } });
  if (query.escalationReady === false) and.push({ OR: [{ escalationReadyAt: null }, { escalationReadyAt: { gt: now } }] });
  if (query.assignee === "unassigned") and.push({ assigneeId: null });
  else if (query.assignee === "me") and.push({ assigneeId: myUserId(ctx) });
  else if (query.assignee !== undefined) and.push({ assigneeId: query.assignee });

  const [bucketMin, bucketMax] = query.problemAge ? PROBLEM_AGE_BUCKETS[query.problemAge] : [null, null];
  const minHours = query.problemAgeMinHours ?? bucketMin;
  const maxHours = query.problemAgeMaxHours ?? bucketMax;
  // Older problems have earlier problemSince: a minimum age is an upper bound on the date.
  if (minHours !== null) and.push({ problemSince: { lte: new Date(now.getTime() - minHours * HOUR_MS) } });
  if (maxHours !== null) and.push({ problemSince: { gt: new Date(now.getTime() - maxHours * HOUR_MS) } });

  // Text search: every query word is a prefix of one of the case's tokens. A prefix is a range on
  // the token table's primary key (tenantId, token, caseId): comparisons are leakproof, so the
  // index scan runs under RLS (LIKE would not; docs/decisions/0006-text-search-under-rls.md).
  for (const word of query.q ? searchWordsOf(query.q) : []) {
    const upper = prefixUpperBound(word);
    const token: Prisma.StringFilter<"CaseSearchToken"> = upper === null ? { gte: word } : { gte: word, lt: upper };
    and.push({ searchTokens: { some: { tenantId: ctx.tenantId, token } } });
  }
  if (cursor) and.push(...keysetAfter(cursor));
  return { AND: and };
}

// (sortKey, id) strictly after the cursor in the list's order. The redundant `<=`/`>=` on the sort
// key lets PostgreSQL start the index scan at the cursor instead of filtering from the first row.
function keysetAfter(cursor: ListCursor): Prisma.CaseWhereInput[] {
  const value = cursor.sort === "number" ? (cursor.value as number) : new Date(cursor.value as string);
  const beyond = cursor.dir === "desc" ? "lt" : "gt";
  const bound = cursor.dir === "desc" ? "lte" : "gte";
  return [
    { [cursor.sort]: { [bound]: value } },
    { OR: [{ [cursor.sort]: { [beyond]: value } }, { [cursor.sort]: value, id: { [beyond]: cursor.id } }] },
  ];
}

function myUserId(ctx: TenantContext): string {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw validationError([{ path: "assignee", message: "'me' needs a signed-in user; API tokens are not assignees" }]);
  return userId;
}

function sortValue(
  row: { number: number; updatedAt: Date; createdAt: Date; problemSince: Date },
  sort: ListCasesQuery["sort"],
): string | number {
  return sort === "number" ? row.number : row[sort].toISOString();
}
