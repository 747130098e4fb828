import { validationError } from "@/lib/errors/validation";
import type { ListSort } from "@/lib/cases/schemas/case-schemas";

// Opaque keyset cursor: the sort key and id of the row a page starts after (nextCursor: the last row
// of the page before) or ends before (prevCursor: the first row of the page after), plus the sort it
// belongs to (a cursor from another sort would skip or repeat rows, so it is refused).

export interface ListCursor {
  sort: ListSort;
  dir: "asc" | "desc";
  /** ISO timestamp for date sorts, a number for `number`. */
  value: string | number;
  id: string;
  /** "after": the rows following (value, id) in the list's order; "before": the rows preceding it. */
  direction: "after" | "before";
}

export function encodeCursor(cursor: ListCursor): string {
  const parts: unknown[] = [cursor.sort, cursor.dir, cursor.value, cursor.id];
  // Forward cursors keep their original four-part shape, so cursors handed out before stay valid.
  if (cursor.direction === "before") parts.push("before");
  return Buffer.from(JSON.stringify(parts), "utf8").toString("base64url");
}

export function decodeCursor(raw: string, sort: ListSort, dir: "asc" | "desc"): ListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw invalid("cursor is not valid: use the nextCursor or prevCursor of a page");
  }
  if (!Array.isArray(parsed) || (parsed.length !== 4 && !(parsed.length === 5 && parsed[4] === "before"))) {
    throw invalid("cursor is not valid: use the nextCursor or prevCursor of a page");
  }
  const [cursorSort, cursorDir, value, id] = parsed as unknown[];
  if (cursorSort !== sort || cursorDir !== dir) throw invalid("cursor belongs to a different sort order: start again from the first page");
  const valueOk = sort === "number" ? isCaseNumber(value) : isStorableDate(value);
  const idOk = typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id);
  if (!valueOk || !idOk) throw invalid("cursor is not valid: use the nextCursor or prevCursor of a page");
  return { sort, dir, value: value as string | number, id: id as string, direction: parsed.length === 5 ? "before" : "after" };
}

const invalid = (message: string) => validationError([{ path: "cursor", message }]);

// A cursor comes back from the client: its values must be ones the columns can hold (int4 case
// numbers, dates PostgreSQL can compare), or the query itself would fail.
function isCaseNumber(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 2_147_483_647;
}

function isStorableDate(value: unknown): boolean {
  if (typeof value !== "string" || value.length > 40) return false;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  const year = new Date(time).getUTCFullYear();
  return year >= 1 && year <= 9999;
}
