import type { CaseFacts, Platform, TriedStep } from "@/lib/facts/schema";
import type { RuleSettings } from "@/lib/rules/settings";
import { escalationReadiness } from "@/lib/escalation/readiness";
import type { CriterionId } from "@/lib/escalation/criteria";
import { searchTokensOf } from "@/lib/cases/search-tokens";
import type { TenantTx } from "@/lib/tenancy/with-tenant";
import type { Platform as DbPlatform } from "@/lib/db/generated/client";

// Columns derived from the facts on every write, so the list can filter and search without
// running the engine per row.

export function platformsOf(facts: CaseFacts): DbPlatform[] {
  return [...new Set<Platform>(facts.devices.map((device) => device.platform))];
}

/**
 * Replaces the case's search tokens (CaseSearchToken) with those of `facts`, inside the caller's
 * transaction. Without `previous` the case is new (no tokens yet); with it (the facts before an
 * edit) nothing is written when the tokens are the same.
 */
export async function replaceSearchTokens(
  tx: TenantTx,
  tenantId: string,
  caseId: string,
  caseNumber: number,
  facts: CaseFacts,
  previous?: CaseFacts,
): Promise<void> {
  const tokens = searchTokensOf(facts, caseNumber);
  if (previous && sameTokens(searchTokensOf(previous, caseNumber), tokens)) return;
  if (previous) await tx.caseSearchToken.deleteMany({ where: { tenantId, caseId } });
  await tx.caseSearchToken.createMany({
    data: tokens.map((token) => ({ tenantId, caseId, token })),
    skipDuplicates: true,
  });
}

function sameTokens(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((token) => set.has(token));
}

const TIMELESS_CRITERIA: ReadonlySet<CriterionId> = new Set<CriterionId>(["packet_complete", "no_outage"]);

/**
 * When the case becomes ready to escalate if nothing else changes:
 * - ready now → now (or the earlier moment it already became ready);
 * - ready once the persistence window has elapsed → problemSince + escalationHours;
 * - otherwise null (some other criterion needs a person to act first).
 * The window is the only criterion that time alone satisfies, so evaluating readiness at the end
 * of the window tells whether the case is waiting only for it.
 */
export function escalationReadyAtOf(args: {
  facts: CaseFacts;
  steps: readonly TriedStep[];
  settings: RuleSettings;
  now: Date;
  previous: Date | null;
}): Date | null {
  const { facts, steps, settings, now, previous } = args;
  const atNow = escalationReadiness(facts, steps, settings, now);
  if (atNow.ready) {
    return previous && previous <= now ? previous : now;
  }
  // The packet and the outage depend on facts alone: if either is missing now, time won't fix it.
  if (atNow.criteria.some((criterion) => !criterion.met && TIMELESS_CRITERIA.has(criterion.id))) return null;
  if (!facts.problemSince) return null;
  const windowEnds = new Date(new Date(facts.problemSince).getTime() + settings.thresholds.escalationHours * 3_600_000);
  if (windowEnds <= now) return null;
  return escalationReadiness(facts, steps, settings, windowEnds).ready ? windowEnds : null;
}
