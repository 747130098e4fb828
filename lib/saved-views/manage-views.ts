import { assertCan } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/db/generated/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { parseInput, validationError } from "@/lib/errors/validation";
import { isUuid } from "@/lib/util/uuid";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant, type TenantTx } from "@/lib/tenancy/with-tenant";
import { mayManage, summarise, VIEW_SELECT, viewerOf, type SavedViewSummary, type Viewer } from "@/lib/saved-views/saved-views";
import { createViewSchema, updateViewSchema, VIEWS_PER_SCOPE_MAX } from "@/lib/saved-views/view-schemas";

// Saving, changing and deleting views. Personal views are their owner's; team views are curated by
// whoever holds views:curate_team (supervisors and admins). Another person's personal view is
// invisible (404); a team view someone may not curate is visible but refused (403).

/** Saves the current filters, sort and hidden columns under a name, for oneself or the team. */
export async function createSavedView(ctx: TenantContext, raw: unknown): Promise<SavedViewSummary> {
  const viewer = viewerOf(ctx);
  const input = parseInput(createViewSchema, raw);
  if (input.shared) assertCan(viewer.role, "views:curate_team");
  const ownerId = input.shared ? null : viewer.userId;
  return nameClashesAsFieldError(input.name, input.shared, () =>
    withTenant(ctx.tenantId, async (tx) => {
      const count = await tx.savedView.count({ where: { tenantId: ctx.tenantId, ownerId } });
      if (count >= VIEWS_PER_SCOPE_MAX) {
        throw validationError([{ path: "name", message: `${input.shared ? "The team has" : "You have"} ${VIEWS_PER_SCOPE_MAX} saved views already; delete one first` }]);
      }
      const row = await tx.savedView.create({
        data: {
          tenantId: ctx.tenantId,
          name: input.name,
          ownerId,
          createdById: viewer.userId,
          query: input.query as Prisma.InputJsonValue,
          hiddenColumns: input.hiddenColumns,
        },
        select: VIEW_SELECT,
      });
      return summarise(row, viewer);
    }),
  );
}

/** Renames a view or re-saves it with the current filters and columns. */
export async function updateSavedView(ctx: TenantContext, unverifiedId: string, raw: unknown): Promise<SavedViewSummary> {
  const viewer = viewerOf(ctx);
  const input = parseInput(updateViewSchema, raw);
  return withManageableView(ctx, viewer, unverifiedId, async (tx, view) => {
    const save = () =>
      tx.savedView.update({
        where: { tenantId_id: { tenantId: ctx.tenantId, id: view.id } },
        data: {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.query !== undefined ? { query: input.query as Prisma.InputJsonValue } : {}),
          ...(input.hiddenColumns !== undefined ? { hiddenColumns: input.hiddenColumns } : {}),
        },
        select: VIEW_SELECT,
      });
    return summarise(await save(), viewer);
  }, input.name);
}

export async function deleteSavedView(ctx: TenantContext, unverifiedId: string): Promise<void> {
  const viewer = viewerOf(ctx);
  await withManageableView(ctx, viewer, unverifiedId, async (tx, view) => {
    await tx.savedView.delete({ where: { tenantId_id: { tenantId: ctx.tenantId, id: view.id } } });
  });
}

async function withManageableView<T>(
  ctx: TenantContext,
  viewer: Viewer,
  unverifiedId: string,
  work: (tx: TenantTx, view: { id: string; ownerId: string | null }) => Promise<T>,
  newName?: string,
): Promise<T> {
  if (!isUuid(unverifiedId)) throw notFound("Saved view");
  let shared = false;
  const run = () =>
    withTenant(ctx.tenantId, async (tx) => {
      // FOR UPDATE: a rename and a delete of the same view run one after the other.
      const [view] = await tx.$queryRaw<{ id: string; ownerId: string | null }[]>`
        SELECT "id", "ownerId" FROM "SavedView"
        WHERE "tenantId" = ${ctx.tenantId}::uuid AND "id" = ${unverifiedId}::uuid
          AND ("ownerId" IS NULL OR "ownerId" = ${viewer.userId}::uuid)
        FOR UPDATE`;
      if (!view) throw notFound("Saved view");
      shared = view.ownerId === null;
      if (!mayManage(viewer, view.ownerId)) throw new AppError("forbidden", "Only supervisors and admins can change the team's views");
      return work(tx, view);
    });
  return newName === undefined ? run() : nameClashesAsFieldError(newName, () => shared, run);
}

/** A duplicate name is the person's input problem: a 400 naming the field, not a 409. */
async function nameClashesAsFieldError<T>(name: string, shared: boolean | (() => boolean), work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
    const team = typeof shared === "function" ? shared() : shared;
    throw validationError([{ path: "name", message: `${team ? "The team already has" : "You already have"} a view named "${name}"` }]);
  }
}
