import type pg from "pg";

// What the row-level security policies allow, read from the catalog: every permissive policy's
// USING and WITH CHECK expressions must depend on the tenant of the unit of work
// (app_current_tenant()) or on a lookup value it set (app_lookup('…')); anything else — USING
// (true), a policy on a role's name, a constant — lets the app role see or write rows without
// either, and is reported.

export interface PolicyProblem {
  table: string;
  policy: string;
  problem: string;
}

const SCOPED = /app_current_tenant\(\)|app_lookup\('[a-z_]+'::text\)/;

export async function policyProblems(client: pg.Pool | pg.Client): Promise<PolicyProblem[]> {
  const { rows } = await client.query<{ table: string; policy: string; permissive: boolean; cmd: string; using: string | null; check: string | null }>(`
    SELECT c.relname AS table, p.polname AS policy, p.polpermissive AS permissive, p.polcmd::text AS cmd,
           pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS check
    FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' ORDER BY 1, 2`);
  const problems: PolicyProblem[] = [];
  for (const row of rows) {
    if (!row.permissive) continue; // restrictive policies only ever narrow what others allow
    for (const [clause, expression] of [["USING", row.using], ["WITH CHECK", row.check]] as const) {
      if (expression === null) continue;
      if (!SCOPED.test(expression)) problems.push({ table: row.table, policy: row.policy, problem: `${clause} (${expression}) depends on neither the tenant nor a lookup value` });
      // Every OR branch must be scoped on its own: "(true OR tenant = …)" allows everything.
      for (const branch of topLevelOrBranches(expression)) {
        if (!SCOPED.test(branch)) problems.push({ table: row.table, policy: row.policy, problem: `${clause} has an OR branch (${branch}) that depends on neither the tenant nor a lookup value` });
      }
    }
    if (row.using === null && row.check === null) problems.push({ table: row.table, policy: row.policy, problem: "has no condition at all" });
  }
  return problems;
}

function topLevelOrBranches(expression: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let start = 0;
  const text = expression.trim().replace(/^\((.*)\)$/s, "$1");
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (depth === 0 && text.startsWith(" OR ", index)) {
      branches.push(text.slice(start, index));
      start = index + 4;
    }
  }
  return branches.length > 0 ? [...branches, text.slice(start)] : [];
}
