import { getCase } from "@/lib/cases/get-case";
import { recordStep } from "@/lib/cases/record-step";
import type { CaseView } from "@/lib/cases/view/case-view";
import type { TenantContext } from "@/lib/tenancy/context";
import { createTestCase } from "@/tests/support/case-factory";

/**
 * Records "no change" for every suggested low- and medium-risk step until none is left (gated
 * steps appear as earlier ones are tried), so only persistence can stand between the case and
 * escalation. Returns the case as it then is.
 */
export async function tryEverySuggestedStep(ctx: TenantContext, caseId: string): Promise<CaseView> {
  for (let round = 0; round < 10; round++) {
    const view = await getCase(ctx, caseId);
    const next = view.suggestions.filter((s) => s.risk !== "high" && s.ruleId !== "sign-out-icloud");
    if (next.length === 0) return view;
    for (const suggestion of next) {
      await recordStep(ctx, caseId, { ruleId: suggestion.ruleId, outcome: "no_change", triedAt: new Date(Date.now() - 60_000).toISOString() });
    }
  }
  throw new Error("Suggestions kept coming after 10 rounds");
}

/**
 * A case that has everything for escalation except time: the problem started `hoursAgo` hours ago
 * (below the default 24), one failing status (below the default 3 repeats), every step tried.
 */
export async function caseWaitingOnlyForTime(ctx: TenantContext, hoursAgo = 10): Promise<CaseView> {
  const created = await createTestCase(ctx, { problemSince: new Date(Date.now() - hoursAgo * 3_600_000).toISOString() });
  const view = await tryEverySuggestedStep(ctx, created.id);
  const blockers = view.escalation.criteria.filter((criterion) => !criterion.met).map((criterion) => criterion.id);
  if (blockers.join() !== "persistence") throw new Error(`Expected only persistence to be missing, got ${blockers.join(", ")}: ${view.escalation.missing.join("; ")}`);
  return view;
}
