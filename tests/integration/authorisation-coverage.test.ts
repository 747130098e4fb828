import { describe, expect, it } from "vitest";
import { appEntries, inlineServerActions, type AppEntry } from "./authorisation/app-entries";
import { rowKey } from "./authorisation/matrix-kit";
import { ROWS } from "./authorisation/matrix-rows";

// The matrix must cover the whole app: a new route, page or server action without a row fails here,
// with the line to add. (The rows' expected answers are checked in authorisation-matrix.test.ts.)

const ROWS_FILE = "tests/integration/authorisation/matrix-rows.ts";

function suggestedRow(entry: AppEntry): string {
  const role = entry.permissionHint?.startsWith("case:") ? "agent" : entry.permissionHint ? `"<minimum role for ${entry.permissionHint}>"` : `"<public | customer | agent | supervisor | admin>"`;
  const access = role.startsWith('"') ? role : `"${role}"`;
  const target = /\[/.test(entry.key) ? ", { target: \"tenant-a\", request: (fx) => ({ params: { … } }) }" : "";
  if (entry.key.startsWith("PAGE ")) return `page("${entry.key.slice(5)}", ${access}${target}),`;
  if (entry.key.startsWith("ACTION ")) {
    const [file, name] = entry.key.slice(7).split("#");
    return `action("${file}", "${name}", ${access}, (fx) => [/* the arguments its form sends */]),`;
  }
  const [method, path] = entry.key.split(" ");
  if (path!.startsWith("/api/v1/") || path!.startsWith("/api/c/")) return `api("${method}", "${path}"${target}),   (who may call it comes from its operation in lib/api/)`;
  return `route("${method}", "${path}", ${access}${target}),`;
}

describe("the authorisation matrix covers the app", () => {
  const entries = appEntries();
  const keys = new Set(ROWS.map(rowKey));

  it("finds the app's entries (route handlers, pages, server actions)", () => {
    expect(entries.filter((entry) => entry.key.startsWith("PAGE ")).length).toBeGreaterThanOrEqual(5);
    expect(entries.filter((entry) => entry.key.startsWith("ACTION ")).length).toBeGreaterThanOrEqual(7);
    expect(entries.filter((entry) => /^(GET|POST|PATCH|PUT|DELETE) /.test(entry.key)).length).toBeGreaterThanOrEqual(14);
  });

  it("has a row for every route handler method, page and server action", () => {
    const missing = entries.filter((entry) => !keys.has(entry.key));
    const message = [
      `${missing.length} entr${missing.length === 1 ? "y has" : "ies have"} no row in the authorisation matrix.`,
      `Add one line per entry to ROWS in ${ROWS_FILE} (the minimum role, and target: "tenant-a" plus a`,
      `valid request when it is about one thing of a tenant), then run npx vitest run tests/integration/authorisation-matrix.test.ts:`,
      ...missing.map((entry) => `  ${suggestedRow(entry)}   // ${entry.file}${entry.permissionHint ? ` (checks ${entry.permissionHint})` : ""}`),
    ].join("\n");
    expect(missing.map((entry) => entry.key), message).toEqual([]);
  });

  it("has no row for an entry the app no longer has", () => {
    const present = new Set(entries.map((entry) => entry.key));
    const stale = ROWS.map(rowKey).filter((key) => !present.has(key));
    expect(stale, `Rows in ${ROWS_FILE} for entries that no longer exist (remove or rename them): ${stale.join(", ")}`).toEqual([]);
  });

  it("has no inline server actions (the matrix lists actions by module export)", () => {
    expect(inlineServerActions(), 'Move inline "use server" functions into an actions.ts module with "use server" at the top').toEqual([]);
  });
});
