import { validationError } from "@/lib/errors/validation";
import type { ListSort } from "@/lib/cases/case-schemas";

// Opaque keyset cursor: the sort key and id of the last row of a page, plus the sort it belongs to
// (a cursor from another sort would skip or repeat rows, so it is refused).

export interface ListCursor {
  sort: ListSort;
  dir: "asc" | "desc";
  /** ISO timestamp for date sorts, a number for `number`. */
  value: string | number;
  id: string;
}

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.dir, cursor.value, cursor.id]), "utf8").toString("base64url");
}

export function decodeCursor(raw: string, sort: ListSort, dir: "asc" | "desc"): ListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw invalid("cursor is not valid: use the nextCursor of the previous page");
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw invalid("cursor is not valid: use the nextCursor of the previous page");
  const [cursorSort, cursorDir, value, id] = parsed as unknown[];
  if (cursorSort !== sort || cursorDir !== dir) throw invalid("cursor belongs to a different sort order: start again from the first page");
  const valueOk = sort === "number" ? isCaseNumber(value) : isStorableDate(value);
  const idOk = typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id);
  if (!valueOk || !idOk) throw invalid("cursor is not valid: use the nextCursor of the previous page");
  return { sort, dir, value: value as string | number, id: id as string };
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
