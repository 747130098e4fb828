import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import type { RuleSettings } from "@/lib/rules/settings";
import { storedSettings } from "@/lib/rules/tenant-settings";
import { parseRuleSettingsUpdate } from "@/lib/rule-settings/rule-settings-input";
import { readRuleSettings, ruleSettingsViewSchema, thresholdOverrides } from "@/lib/rule-settings/rule-settings-view";
import { reevaluateEscalationReadiness } from "@/lib/cases/reevaluate-readiness";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

// Saving the tenant's rulebook settings (PUT /api/v1/rule-settings, /admin/rules): version-checked,
// audited, and every open case's escalation readiness re-evaluated in the same transaction, so
// the new thresholds apply to every case at once or, on any failure, not at all.

export const savedRuleSettingsSchema = z.object({
  settings: ruleSettingsViewSchema,
  reevaluated: z
    .object({
      cases: z.number().int().meta({ description: "Open cases whose escalation readiness was re-evaluated" }),
      changed: z.number().int().meta({ description: "Of those, cases whose readiness (or what blocks it) changed" }),
      ms: z.number().int().meta({ description: "Time the re-evaluation took, in milliseconds" }),
    })
    .meta({ description: "The re-evaluation of every open case, done before the answer" }),
});
export type SaveRuleSettingsResult = z.infer<typeof savedRuleSettingsSchema>;

// 100,000 open cases take seconds on an idle machine (npm run bench:rule-settings) and over a minute
// on a heavily shared one; the limit leaves room for that, not for unbounded work.
const SAVE_TIMEOUT_MS = 300_000;

export async function saveRuleSettings(
  ctx: TenantContext,
  raw: unknown,
  options: { now?: Date } = {},
): Promise<SaveRuleSettingsResult> {
  const { version, settings } = parseRuleSettingsUpdate(raw);
  const now = options.now ?? new Date();
  const { tenantId } = ctx;

  return withTenant(
    tenantId,
    async (tx) => {
      // Creating a case takes the tenant row to number it, then reads the settings. Holding the row
      // here means a creation either committed before the cases are read below, or waits and then
      // reads the new settings: no case is left evaluated with the old ones.
      await tx.$queryRaw`SELECT 1 FROM "Tenant" WHERE "id" = ${tenantId}::uuid FOR NO KEY UPDATE`;
      await tx.tenantRuleSettings.createMany({ data: [{ tenantId }], skipDuplicates: true });
      const [row] = await tx.$queryRaw<{ version: number; disabledRules: string[]; thresholds: unknown }[]>`
        SELECT "version", "disabledRules", "thresholds" FROM "TenantRuleSettings" WHERE "tenantId" = ${tenantId}::uuid FOR UPDATE`;
      if (!row) throw new Error(`Rule settings of tenant ${tenantId} are not visible in its own context`);
      if (row.version !== version) {
        throw new AppError("conflict", "The rulebook settings were changed by someone else since you opened them. Reload to see the latest.", {
          expectedVersion: version,
          currentVersion: row.version,
        });
      }
      const before = storedSettings(row);
      if (sameSettings(before, settings)) {
        return { settings: await readRuleSettings(tx, tenantId), reevaluated: { cases: 0, changed: 0, ms: 0 } };
      }
      await tx.tenantRuleSettings.update({
        where: { tenantId },
        data: {
          disabledRules: settings.disabledRules,
          thresholds: thresholdOverrides(settings.thresholds) as Prisma.InputJsonValue,
          version: { increment: 1 },
          updatedAt: now,
        },
      });
      await recordAudit(tx, ctx, now, {
        action: "rule_settings.updated",
        target: { type: "rule_settings", id: null, label: "Rulebook settings" },
        before: auditShape(before),
        after: auditShape(settings),
      });
      const started = performance.now();
      const reevaluated = await reevaluateEscalationReadiness(tx, tenantId, settings, now);
      return {
        settings: await readRuleSettings(tx, tenantId),
        reevaluated: { ...reevaluated, ms: Math.round(performance.now() - started) },
      };
    },
    { timeoutMs: SAVE_TIMEOUT_MS },
  );
}

function auditShape(settings: RuleSettings): Prisma.InputJsonValue {
  return { disabledRules: [...settings.disabledRules].sort(), thresholds: settings.thresholds } as Prisma.InputJsonValue;
}

function sameSettings(a: RuleSettings, b: RuleSettings): boolean {
  return JSON.stringify(auditShape(a)) === JSON.stringify(auditShape(b));
}
