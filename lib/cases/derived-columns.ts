import type { CaseFacts, Platform } from "@/lib/facts/schema";
import type { TriedStep } from "@/lib/rules/tried-step-schema";
import type { RuleSettings } from "@/lib/rules/settings";
import { escalationReadiness, type EscalationReadiness } from "@/lib/triage/readiness";
import type { BlockerCode } from "@/lib/triage/blockers";
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
  // One array parameter rather than Prisma's createMany, which spent ~2.5 ms of Node building the
  // statement for a case's ~20 tokens (decision 0085); the rows are the same.
  await tx.$executeRaw`
    INSERT INTO "CaseSearchToken" ("tenantId", "token", "caseId")
    SELECT ${tenantId}::uuid, t.token, ${caseId}::uuid FROM unnest(${tokens}::text[]) AS t(token)
    ON CONFLICT DO NOTHING`;
}

function sameTokens(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((token) => set.has(token));
}

/**
 * The escalation columns of a case:
 * - `escalationReadyAt`, when it becomes ready to escalate if nothing else changes: ready now → now
 *   (or the earlier moment it already became ready); ready once the persistence window has elapsed →
 *   problemSince + escalationHours; otherwise null (some other criterion needs a person to act first).
 * - `escalationBlockers`, the codes of what is missing, judged at the end of the window when that is
 *   still ahead: what a person has to do, not what time alone will settle. Empty when ready or
 *   only waiting for the window.
 * The window is the only criterion that time alone satisfies, so evaluating readiness at its end
 * tells whether the case is waiting only for it.
 */
export function escalationColumnsOf(args: {
  facts: CaseFacts;
  steps: readonly TriedStep[];
  settings: RuleSettings;
  now: Date;
  previous: Date | null;
  /** Readiness at `now`, when the caller already evaluated the rulebook for these facts and steps. */
  atNow?: EscalationReadiness;
}): { escalationReadyAt: Date | null; escalationBlockers: BlockerCode[] } {
  const { facts, steps, settings, now, previous } = args;
  const atNow = args.atNow ?? escalationReadiness(facts, steps, settings, now);
  if (atNow.ready) return { escalationReadyAt: previous && previous <= now ? previous : now, escalationBlockers: [] };
  const windowEnds = facts.problemSince
    ? new Date(new Date(facts.problemSince).getTime() + settings.thresholds.escalationHours * 3_600_000)
    : null;
  if (!windowEnds || windowEnds <= now) return { escalationReadyAt: null, escalationBlockers: atNow.blockers };
  const atWindowEnd = escalationReadiness(facts, steps, settings, windowEnds);
  return { escalationReadyAt: atWindowEnd.ready ? windowEnds : null, escalationBlockers: atWindowEnd.blockers };
}
