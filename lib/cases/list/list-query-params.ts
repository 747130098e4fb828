import type { ListCasesQuery } from "@/lib/cases/schemas/case-schemas";

// The case list's state in a URL (API query string and the list page alike). Lists may repeat the
// parameter or use commas (?status=open,resolved). Values that don't parse are passed on as text,
// so the schema names the bad field instead of the value silently vanishing.

const LIST_PARAMS = ["status", "platform"] as const;
const NUMBER_PARAMS = ["problemAgeMinHours", "problemAgeMaxHours", "inactiveMinHours", "limit"] as const;
const TEXT_PARAMS = ["assignee", "problemAge", "q", "sort", "dir", "cursor"] as const;
const BOOLEAN_PARAMS = ["escalationReady", "returned", "customerReplied"] as const;

/** The query as the list schema reads it; the list page keeps its own view parameters (hide, …) beside it. */
export function listQueryFromSearchParams(params: URLSearchParams): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const name of LIST_PARAMS) {
    const values = params.getAll(name).flatMap((value) => value.split(",")).map((v) => v.trim()).filter(Boolean);
    if (values.length > 0) query[name] = values;
  }
  for (const name of NUMBER_PARAMS) {
    const value = params.get(name);
    if (value !== null && value !== "") query[name] = /^\d{1,15}(\.\d{1,15})?$/.test(value) ? Number(value) : value;
  }
  for (const name of TEXT_PARAMS) {
    const value = params.get(name);
    if (value !== null && value !== "") query[name] = value;
  }
  for (const name of BOOLEAN_PARAMS) {
    const value = params.get(name);
    if (value !== null && value !== "") query[name] = value === "true" ? true : value === "false" ? false : value;
  }
  return query;
}

const KNOWN_PARAMS: ReadonlySet<string> = new Set([...LIST_PARAMS, ...NUMBER_PARAMS, ...TEXT_PARAMS, ...BOOLEAN_PARAMS]);

/** The API's reading: as above, plus every unknown parameter, so the schema names it in a 400 (SPEC §5). */
export function listQueryFromApiParams(params: URLSearchParams): Record<string, unknown> {
  const query = listQueryFromSearchParams(params);
  for (const name of params.keys()) if (!KNOWN_PARAMS.has(name)) query[name] = params.get(name);
  return query;
}

/** The inverse, for links and the list page's URL state; defaults are left out to keep URLs short. */
export function listQueryToSearchParams(query: Partial<ListCasesQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of LIST_PARAMS) {
    const values = query[name];
    if (values && values.length > 0) params.set(name, values.join(","));
  }
  for (const name of BOOLEAN_PARAMS) if (query[name] !== undefined) params.set(name, String(query[name]));
  for (const name of [...NUMBER_PARAMS, ...TEXT_PARAMS]) {
    const value = query[name];
    if (value === undefined || value === "") continue;
    if ((name === "sort" && value === "updatedAt") || (name === "dir" && value === "desc") || (name === "limit" && value === 25)) continue;
    params.set(name, String(value));
  }
  return params;
}
