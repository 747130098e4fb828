import type { Prisma } from "@/lib/db/generated/client";
import { parseInput } from "@/lib/errors/validation";
import { listCasesSchema, type ListCasesQuery } from "@/lib/cases/schemas/case-schemas";
import { displayCaseNumber } from "@/lib/cases/case-number";
import type { CaseListPage } from "@/lib/cases/schemas/case-response-schemas";
import { caseListWhere } from "@/lib/cases/list/list-filter";
import { decodeCursor, encodeCursor, type ListCursor } from "@/lib/cases/list/list-cursor";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

/**
 * One page of the tenant's cases, filtered and sorted in the database, with keyset pagination
 * (sort key + id) in both directions, so a deep page costs the same as the first and "previous"
 * returns exactly the rows before the page it starts from.
 */
export async function listCases(ctx: TenantContext, raw: unknown, options: { now?: Date } = {}): Promise<CaseListPage> {
  const query = parseInput(listCasesSchema, raw);
  const now = options.now ?? new Date();
  const cursor = query.cursor ? decodeCursor(query.cursor, query.sort, query.dir) : null;
  const backward = cursor?.direction === "before";
  // A previous page is read walking backwards from its cursor, then put back in the list's order.
  const readDir = backward ? (query.dir === "desc" ? "asc" : "desc") : query.dir;
  const where: Prisma.CaseWhereInput = { AND: [...caseListWhere(ctx, query, now), ...(cursor ? keysetBeyond(cursor) : [])] };

  const rows = await withTenant(ctx.tenantId, async (tx) => {
    // The page's ids first, then its rows with their relations (decision 0084). In one statement,
    // PostgreSQL may join every matching row's relations before sorting and cutting the page: it
    // does when it expects few matches (the platform filter's estimate under RLS, decision 0083),
    // e.g. a Previous page near the top — 2,000 rows joined for 26 shown, 300 ms instead of 30.
    const keys = await tx.case.findMany({ where, orderBy: [{ [query.sort]: readDir }, { id: readDir }], take: query.limit + 1, select: { id: true } });
    if (keys.length === 0) return [];
    const found = await tx.case.findMany({
      where: { tenantId: ctx.tenantId, id: { in: keys.map((key) => key.id) } },
      select: {
        id: true,
        number: true,
        status: true,
        platforms: true,
        problemSince: true,
        escalationReadyAt: true,
        escalationReturnedAt: true,
        customerRepliedAt: true,
        version: true,
        createdAt: true,
        updatedAt: true,
        customer: { select: { name: true, email: true } },
        assignee: { select: { userId: true, user: { select: { name: true } } } },
        devices: { select: { platform: true, model: true }, orderBy: { position: "asc" } },
      },
    });
    const byId = new Map(found.map((row) => [row.id, row]));
    return keys.flatMap((key) => byId.get(key.id) ?? []);
  });
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (backward) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const hasNext = backward ? true : more;
  const hasPrev = backward ? more : cursor !== null;
  const cursorAt = (row: (typeof page)[number], direction: "after" | "before") =>
    encodeCursor({ sort: query.sort, dir: query.dir, value: sortValue(row, query.sort), id: row.id, direction });
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
      returned: row.escalationReturnedAt !== null,
      customerRepliedAt: row.customerRepliedAt?.toISOString() ?? null,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
    nextCursor: hasNext && last ? cursorAt(last, "after") : null,
    prevCursor: hasPrev && first ? cursorAt(first, "before") : null,
  };
}

// (sortKey, id) strictly beyond the cursor: after it in the list's order, or before it. The
// redundant `<=`/`>=` on the sort key lets PostgreSQL start the index scan at the cursor instead of
// filtering from the first row.
function keysetBeyond(cursor: ListCursor): Prisma.CaseWhereInput[] {
  const value = cursor.sort === "number" ? (cursor.value as number) : new Date(cursor.value as string);
  const towardsSmaller = (cursor.dir === "desc") === (cursor.direction === "after");
  const beyond = towardsSmaller ? "lt" : "gt";
  const bound = towardsSmaller ? "lte" : "gte";
  return [
    { [cursor.sort]: { [bound]: value } },
    { OR: [{ [cursor.sort]: { [beyond]: value } }, { [cursor.sort]: value, id: { [beyond]: cursor.id } }] },
  ];
}

function sortValue(
  row: { number: number; updatedAt: Date; createdAt: Date; problemSince: Date },
  sort: ListCasesQuery["sort"],
): string | number {
  return sort === "number" ? row.number : row[sort].toISOString();
}
