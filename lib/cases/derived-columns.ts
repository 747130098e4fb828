import type { CaseFacts, Platform, TriedStep } from "@/lib/facts/schema";
import type { RuleSettings } from "@/lib/rules/settings";
import { escalationReadiness } from "@/lib/escalation/readiness";
import { displayCaseNumber } from "@/lib/cases/case-number";
import type { Platform as DbPlatform } from "@/lib/db/generated/client";

// Columns derived from the facts on every write, so the list can filter and search without
// running the engine per row.

export function platformsOf(facts: CaseFacts): DbPlatform[] {
  return [...new Set<Platform>(facts.devices.map((device) => device.platform))];
}

/** Lower-cased customer name, email, device models and the case number in both spellings. */
export function searchTextOf(facts: CaseFacts, number: number): string {
  const parts = [
    facts.customer.name,
    facts.customer.email ?? "",
    ...facts.devices.map((device) => device.model ?? ""),
    displayCaseNumber(number),
    String(number),
  ];
  return parts
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean)
    .join(" ");
}

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
  if (escalationReadiness(facts, steps, settings, now).ready) {
    return previous && previous <= now ? previous : now;
  }
  if (!facts.problemSince) return null;
  const windowEnds = new Date(new Date(facts.problemSince).getTime() + settings.thresholds.escalationHours * 3_600_000);
  if (windowEnds <= now) return null;
  return escalationReadiness(facts, steps, settings, windowEnds).ready ? windowEnds : null;
}
