import "@/tests/support/integration-env";
// Every request here holds the same few links from one address: the customer-link limits (their own
// tests lower and check them) stay out of the way.
process.env.CUSTOMER_LINK_MAX_REQUESTS_PER_IP = "1000000";
process.env.CUSTOMER_LINK_MAX_REQUESTS_PER_LINK = "1000000";
process.env.CUSTOMER_LINK_MAX_REPORTS_PER_HOUR = "1000000";
import { beforeAll, describe, expect, it } from "vitest";
import { ask } from "./authorisation/invoke";
import { expectedStatus, rowKey } from "./authorisation/matrix-kit";
import { ROWS } from "./authorisation/matrix-rows";
import { createFixture, type Fixture } from "./authorisation/principals";

// Every route handler, page and server action (matrix-rows.ts) × every principal (principals.ts):
// anonymous, revoked and expired customer links, agent, supervisor, admin, a deactivated user, a
// signed-out session, another tenant's admin (session and token), and API tokens of each role and
// an expired one — against the real database, through the app's own entry points. Pages are asked
// by calling the page's server component, which authorises itself through requireStaffPage.

let fx: Fixture;

beforeAll(async () => {
  fx = await createFixture();
}, 60_000);

describe("authorisation matrix", () => {
  it.each(ROWS.map((row) => [rowKey(row), row] as const))("%s answers every principal as its access level says", async (_key, row) => {
    const wrong: string[] = [];
    for (const principal of fx.principals) {
      const expected = expectedStatus(row, principal);
      const answer = await ask(row, principal, fx);
      if (answer.status !== expected) wrong.push(`${principal.name}: expected ${expected}, got ${answer.status} ${answer.text.slice(0, 160)}`);
      // Another tenant learns nothing about tenant A from what it is given (a redirect may echo the URL it asked for).
      if (principal.foreign && answer.status < 300 && (answer.text.includes(fx.caseA.id) || answer.text.includes(fx.caseA.customerName))) {
        wrong.push(`${principal.name}: the answer contains tenant A's case`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
