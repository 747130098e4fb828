import { z } from "zod";
import { PLATFORMS, type Device, type Platform } from "@/lib/facts/schema";
import { RULES_BY_ID } from "@/lib/rules/catalog";
import type { TenantTx } from "@/lib/tenancy/with-tenant";
import { osMajorOf } from "@/lib/facts/os-major";
import { MIN_SAMPLE } from "@/lib/util/wilson";

// "Resolved 41% of 212 similar cases here": for each rule, how its attempts went in this tenant on
// cases with a device of the same platform and OS major as one of this case's, over all time (the
// OS major already keeps old systems apart). One indexed query per case view, for every suggestion
// at once; nothing below MIN_SAMPLE attempts, so a hint is never a guess.

export const fixHintSchema = z
  .object({
    ruleId: z.string(),
    platform: z.enum(PLATFORMS),
    osMajor: z.int().min(0).meta({ description: "0 when the device's OS version is not known" }),
    attempts: z.int().min(1),
    resolved: z.int().min(0),
    rate: z.number().min(0).max(1),
  })
  .meta({ id: "FixHint", description: "How a rule went on similar cases of this tenant (same platform and OS major)" });

export type FixHint = z.infer<typeof fixHintSchema>;

export async function loadFixHints(tx: TenantTx, tenantId: string, devices: readonly Device[]): Promise<FixHint[]> {
  const groups = [...new Map(devices.map((d) => [`${d.platform}:${osMajorOf(d)}`, { platform: d.platform, osMajor: osMajorOf(d) }])).values()];
  if (groups.length === 0) return [];
  const rows = await tx.ruleOutcomeCount.findMany({
    where: { tenantId, period: "all", bucket: new Date(0), OR: groups },
    select: { ruleId: true, platform: true, osMajor: true, resolved: true, noChange: true, worse: true },
  });
  return rows
    .map((row) => ({ ...row, attempts: row.resolved + row.noChange + row.worse }))
    .filter((row) => row.attempts >= MIN_SAMPLE && appliesTo(row.ruleId, row.platform))
    .map((row) => ({
      ruleId: row.ruleId,
      platform: row.platform as Platform,
      osMajor: row.osMajor,
      attempts: row.attempts,
      resolved: row.resolved,
      rate: row.resolved / row.attempts,
    }))
    .sort((a, b) => b.attempts - a.attempts);
}

function appliesTo(ruleId: string, platform: string): boolean {
  const rule = RULES_BY_ID.get(ruleId as never);
  return !rule || (rule.platforms as readonly string[]).includes(platform);
}
