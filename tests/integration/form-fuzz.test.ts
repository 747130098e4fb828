import "@/tests/support/integration-env";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowCounts } from "@/tests/support/admin-db";
import { createTestCase, apiContext } from "@/tests/support/case-factory";
import { ask } from "./authorisation/invoke";
import { rowKey, type Row } from "./authorisation/matrix-kit";
import { ROWS } from "./authorisation/matrix-rows";
import { createFixture, type Fixture, type Principal } from "./authorisation/principals";
import { mutatedBody, paramValue, queryParams } from "./fuzz/mutations";

// The API fuzz test's companion for what browsers reach: every server action (its form fields
// mutated, its bound ids and versions replaced by odd values) and every page (odd [params] and query
// strings), asked as tenant A's admin, so requests get past authorisation into the forms' parsing
// and the services. Nothing may fail with an internal error (a 500 of an action, a page that
// throws), and a refused action leaves every table of its tenant as it was.

const RUNS = Number(process.env.FUZZ_RUNS_PER_FORM ?? 200);
const QUERY_KEYS = ["status", "q", "sort", "dir", "cursor", "limit", "action", "view", "platform", "from", "to", "next", "page", "tab"];
const formRows = ROWS.filter((row) => row.kind === "action" || row.kind === "page");

/** A form's fields as an object, so the body mutations apply to them. */
const fieldsOf = (form: FormData) => Object.fromEntries([...form.entries()].map(([name, value]) => [name, typeof value === "string" ? value : "(file)"]));

/** Generated values come back as text, the only thing a form can send. */
function toForm(fields: unknown): FormData {
  const form = new FormData();
  if (fields && typeof fields === "object" && !Array.isArray(fields)) {
    for (const [name, value] of Object.entries(fields)) form.append(name.toWellFormed(), (typeof value === "string" ? value : JSON.stringify(value) ?? "").toWellFormed());
  }
  return form;
}

/** One generated value per argument of the action: odd ids, versions and flags; mutated forms and inputs. */
function argumentArbitrary(arg: unknown, fx: Fixture, foreignCaseId: string): fc.Arbitrary<unknown> {
  if (arg instanceof FormData) return mutatedBody(fieldsOf(arg)).map(toForm);
  if (typeof arg === "string") return paramValue([arg, fx.caseA.id, fx.attachmentA], [foreignCaseId]);
  if (typeof arg === "number") return fc.oneof(fc.constant(arg), fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 31, 3_000_000_000, Number.NaN));
  if (typeof arg === "boolean") return fc.boolean();
  // The form state a useActionState action gets back is the app's own: it stays as it is.
  if (arg && typeof arg === "object" && "submission" in arg) return fc.constant(arg);
  return mutatedBody(arg);
}

function fuzzedRow(row: Row, fx: Fixture, foreignCaseId: string, sample: unknown[] | { params?: Record<string, string | string[]> }): fc.Arbitrary<Row> {
  if (row.kind === "action") {
    const args = sample as unknown[];
    return fc.tuple(...args.map((arg) => argumentArbitrary(arg, fx, foreignCaseId))).map((generated) => ({ ...row, args: () => generated }));
  }
  const params = Object.fromEntries(Object.entries((sample as { params?: Record<string, string> }).params ?? {}).map(([name, value]) => [name, paramValue([value, fx.caseA.id], [foreignCaseId])]));
  return fc.record({ params: fc.record(params), query: queryParams(QUERY_KEYS) }).map(({ params: p, query }) => ({
    ...row,
    request: () => ({ params: p as Record<string, string>, query: Object.fromEntries(query.map(([name, value]) => [name.toWellFormed(), value.toWellFormed()])) }),
  }));
}

/** Pages only read, so they share one fixture; each action gets tenants of its own (its row counts are its alone). */
let sharedFixture: Promise<Fixture> | null = null;
const fixtureFor = (row: Row) => (row.kind === "action" ? createFixture() : (sharedFixture ??= createFixture()));

const askOnce = (row: Row, principal: Principal, fx: Fixture) => ask(row, principal, fx).catch((error: unknown) => ({ status: 500, text: String(error) }));

describe.concurrent("form and page fuzzing", () => {
  it.each(formRows.map((row) => [rowKey(row), row] as const))(
    `%s: ${RUNS} generated submissions or addresses, no internal error, nothing half-written`,
    async (key, row) => {
      const fx = await fixtureFor(row);
      const admin = fx.principals.find((principal) => principal.name === "admin")!;
      const foreignCaseId = (await createTestCase(apiContext(fx.tenantB))).id;
      const sample = row.kind === "action" ? await row.args(fx) : ((await row.request?.(fx)) ?? {});
      const statuses = new Map<number, number>();
      let counts = row.kind === "action" ? await rowCounts(fx.tenantA) : null;
      await fc.assert(
        fc.asyncProperty(fuzzedRow(row, fx, foreignCaseId, sample), async (fuzzed) => {
          // A page or action that throws (not a redirect or notFound) is what a browser sees as a 500.
          // Under CPU starvation the app's database timeouts answer 503 "unavailable" by design: asked
          // again (at most twice, after a pause), as in api-fuzz.test.ts; a lasting 503 still fails.
          let answer = await askOnce(fuzzed, admin, fx);
          for (let attempt = 1; attempt <= 2 && answer.status === 503; attempt += 1) {
            await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
            answer = await askOnce(fuzzed, admin, fx);
          }
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          expect(answer.status, `${key} answered ${answer.status}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
          if (counts) {
            const after = await rowCounts(fx.tenantA);
            if (answer.status >= 400) expect(after, `${key} answered ${answer.status} but wrote rows`).toEqual(counts);
            counts = after;
          }
        }),
        { numRuns: RUNS, seed: 20261122, endOnFailure: true },
      );
      console.log(`[fuzz] ${key}: ${RUNS} runs; answers ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(" ")}`);
    },
    900_000,
  );
});
