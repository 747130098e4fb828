import { can } from "@/lib/auth/permissions";
import { type Role } from "@/lib/tenancy/roles";
import { AppError, notFound } from "@/lib/errors/app-error";
import { listQueryToSearchParams } from "@/lib/cases/list/list-query-params";
import type { HideableListColumn } from "@/lib/cases/list/list-columns";
import { isUuid } from "@/lib/util/uuid";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant, type TenantTx } from "@/lib/tenancy/with-tenant";
import { viewQuerySchema, type SavedViewQuery } from "@/lib/saved-views/view-schemas";
import { HIDEABLE_LIST_COLUMNS } from "@/lib/cases/list/list-columns";

// Saved case-list views as the list page's views menu shows them: the viewer's own personal views
// and the team's views. Another person's personal view does not exist for the viewer (404).

type ViewScope = "personal" | "team";

export interface SavedViewSummary {
  id: string;
  name: string;
  scope: ViewScope;
  query: SavedViewQuery;
  hiddenColumns: HideableListColumn[];
  /** The list URL that opens this view. */
  href: string;
  /** Whether the viewer may rename, re-save or delete it. */
  canManage: boolean;
  createdBy: string;
  updatedAt: string;
  /** Set when the stored filters no longer parse (the view then opens the unfiltered list). */
  problem: string | null;
}

export interface Viewer {
  userId: string;
  role: Role;
}

/** Views are a person's: an API token has none. */
export function viewerOf(ctx: TenantContext): Viewer {
  if (ctx.actor.kind !== "user") throw new AppError("forbidden", "Saved views belong to people; an API token has none");
  return { userId: ctx.actor.userId, role: ctx.actor.role };
}

export function mayManage(viewer: Viewer, ownerId: string | null): boolean {
  return ownerId === null ? can(viewer.role, "views:curate_team") : ownerId === viewer.userId;
}

type ViewRow = Awaited<ReturnType<typeof findVisible>>[number];

/** The columns a view summary is built from (shared with lib/saved-views/manage-views.ts). */
export const VIEW_SELECT = {
  id: true,
  name: true,
  ownerId: true,
  query: true,
  hiddenColumns: true,
  updatedAt: true,
  createdBy: { select: { user: { select: { name: true } } } },
} as const;

function findVisible(tx: TenantTx, tenantId: string, viewer: Viewer, id?: string) {
  return tx.savedView.findMany({
    where: { tenantId, OR: [{ ownerId: viewer.userId }, { ownerId: null }], ...(id ? { id } : {}) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: VIEW_SELECT,
  });
}

/** The viewer's personal views and the team's views, each list by name. */
export async function listSavedViews(ctx: TenantContext): Promise<SavedViewSummary[]> {
  const viewer = viewerOf(ctx);
  const rows = await withTenant(ctx.tenantId, (tx) => findVisible(tx, ctx.tenantId, viewer));
  return rows.map((row) => summarise(row, viewer));
}

/** One view the viewer can see; 404 for a missing id, another tenant's, or another person's personal view. */
export async function getSavedView(ctx: TenantContext, unverifiedId: string): Promise<SavedViewSummary> {
  const viewer = viewerOf(ctx);
  if (!isUuid(unverifiedId)) throw notFound("Saved view");
  const [row] = await withTenant(ctx.tenantId, (tx) => findVisible(tx, ctx.tenantId, viewer, unverifiedId));
  if (!row) throw notFound("Saved view");
  return summarise(row, viewer);
}

export function summarise(row: ViewRow, viewer: Viewer): SavedViewSummary {
  const parsed = viewQuerySchema.safeParse(row.query);
  const query = parsed.success ? parsed.data : viewQuerySchema.parse({});
  const known = new Set<string>(HIDEABLE_LIST_COLUMNS);
  const hiddenColumns = (row.hiddenColumns ?? []).filter((column): column is HideableListColumn => known.has(column));
  return {
    id: row.id,
    name: row.name,
    scope: row.ownerId === null ? "team" : "personal",
    query,
    hiddenColumns,
    href: viewHref(row.id, query, hiddenColumns),
    canManage: mayManage(viewer, row.ownerId),
    createdBy: row.createdBy.user.name,
    updatedAt: row.updatedAt.toISOString(),
    problem: parsed.success ? null : "Its filters no longer apply (a status, member or setting changed); re-save it.",
  };
}

function viewHref(viewId: string, query: SavedViewQuery, hiddenColumns: readonly string[]): string {
  const params = listQueryToSearchParams(query);
  if (hiddenColumns.length > 0) params.set("hide", hiddenColumns.join(","));
  params.set("view", viewId);
  return `/cases?${params.toString()}`;
}
