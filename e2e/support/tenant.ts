import { expect, type APIRequestContext } from "@playwright/test";
import { runTsx } from "./run-cli";

// A tenant of its own for tests that change members, tokens or the rulebook, so the demo tenant
// (which other specs rely on) stays as seeded.

export interface E2eTenant {
  tenantId: string;
  name: string;
  admin: { email: string; password: string };
  apiToken: string;
}

export function createTenant(name: string): E2eTenant {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const result = runTsx("scripts/tenant-create.ts", ["--name", `${name} ${unique}`, "--admin-email", `admin.${unique}@e2e.example`], { PST_DATA_DIR: ".data/e2e" });
  expect(result.status, result.stderr).toBe(0);
  const created = JSON.parse(result.stdout) as E2eTenant;
  return { ...created, name: `${name} ${unique}` };
}

/** Creates a case through the API with an admin token; answers its JSON. */
export async function createCaseViaApi(request: APIRequestContext, token: string, facts: Record<string, unknown>) {
  const res = await request.post("/api/v1/cases", { headers: { Authorization: `Bearer ${token}` }, data: facts });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; suggestions: Array<{ ruleId: string; risk: string }>; escalation: { ready: boolean; criteria: Array<{ id: string; met: boolean }> } };
}

/** Records "no change" for every suggested low/medium step until none is left (gated ones appear as earlier ones are tried). */
export async function tryEverySuggestedStep(request: APIRequestContext, token: string, caseId: string) {
  const headers = { Authorization: `Bearer ${token}` };
  for (let round = 0; round < 10; round++) {
    const view = await (await request.get(`/api/v1/cases/${caseId}`, { headers })).json();
    const next = (view.suggestions as Array<{ ruleId: string; risk: string }>).filter((s) => s.risk !== "high" && s.ruleId !== "sign-out-icloud");
    if (next.length === 0) return view as { escalation: { ready: boolean; criteria: Array<{ id: string; met: boolean }> } };
    for (const suggestion of next) {
      const res = await request.post(`/api/v1/cases/${caseId}/steps`, { headers, data: { ruleId: suggestion.ruleId, outcome: "no_change" } });
      expect(res.status()).toBe(201);
    }
  }
  throw new Error("Suggestions kept coming after 10 rounds");
}
