import { z } from "zod";
import { listCasesSchema, type ListCasesQuery } from "@/lib/cases/schemas/case-schemas";
import { HIDEABLE_LIST_COLUMNS } from "@/lib/cases/list/list-columns";

// What a saved view holds: the list's filters and sort (the list's own schema, so a view can hold
// exactly what the list can show) and the hidden columns. A cursor or page size is never saved.

const VIEW_NAME_MAX = 80;
/** Per person (personal views) and per team (team views): a menu, not a database. */
export const VIEWS_PER_SCOPE_MAX = 50;

export type SavedViewQuery = Omit<ListCasesQuery, "cursor" | "limit">;

const viewName = z
  .string({ error: "Name is required" })
  .trim()
  .min(1, "Name is required")
  .max(VIEW_NAME_MAX, `Name is too long (${VIEW_NAME_MAX} characters at most)`);

const hiddenColumns = z
  .array(z.enum(HIDEABLE_LIST_COLUMNS, { error: "Unknown column" }), { error: "Hidden columns must be a list" })
  .max(HIDEABLE_LIST_COLUMNS.length)
  .transform((columns) => [...new Set(columns)]);

/** The filters and sort of a view, from the list's query (cursor and page size dropped). */
export const viewQuerySchema = listCasesSchema.transform(({ cursor: _cursor, limit: _limit, ...query }): SavedViewQuery => query);

export const createViewSchema = z.strictObject({
  name: viewName,
  shared: z.boolean({ error: "Shared must be true or false" }).default(false),
  query: viewQuerySchema,
  hiddenColumns: hiddenColumns.default([]),
});

export const updateViewSchema = z
  .strictObject({ name: viewName.optional(), query: viewQuerySchema.optional(), hiddenColumns: hiddenColumns.optional() })
  .refine((input) => input.name !== undefined || input.query !== undefined || input.hiddenColumns !== undefined, {
    message: "Nothing to change: send name, query or hiddenColumns",
    path: ["(body)"],
  });
