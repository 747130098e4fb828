import { getCase } from "@/lib/cases/get-case";
import type { CaseView } from "@/lib/cases/view/case-view";
import { recordStep } from "@/lib/cases/record-step";
import type { TenantContext } from "@/lib/tenancy/context";

/**
 * Records "didn't help" for every suggested low- or medium-risk step, round after round (later
 * steps unlock once the quick checks are tried), through the real step service — what an agent does
 * before a case becomes ready to escalate. For demo data and tests; returns the case at the end.
 */
export async function workThroughSuggestedSteps(
  ctx: TenantContext,
  caseId: string,
  options: { now?: Date; hoursAgo?: number; note?: string } = {},
): Promise<CaseView> {
  const now = options.now ?? new Date();
  let view = await getCase(ctx, caseId, now);
  for (let round = 0; round < 10; round += 1) {
    const next = view.suggestions.filter((s) => s.risk !== "high" && s.ruleId !== "sign-out-icloud");
    if (next.length === 0) break;
    for (const [index, suggestion] of next.entries()) {
      const triedAt = new Date(now.getTime() - ((options.hoursAgo ?? 2) * 3_600_000) + round * 60_000 + index * 1_000).toISOString();
      await recordStep(ctx, caseId, { ruleId: suggestion.ruleId, outcome: "no_change", note: options.note ?? null, triedAt }, { now });
    }
    view = await getCase(ctx, caseId, now);
  }
  return view;
}
