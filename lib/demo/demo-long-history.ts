import { createCase } from "@/lib/cases/create-case";
import { HISTORY_PAGE_SIZE } from "@/lib/cases/case-history";
import { recordStep } from "@/lib/cases/record-step";
import type { TenantContext } from "@/lib/tenancy/context";
import type { RuleId } from "@/lib/rules/rule-ids";

// A case an integration has been reporting attempts on for weeks, SPEC §5-style (devices without
// keys, a status message by device index, a Windows version in words): more steps than the case
// page shows at once, so a newcomer sees "Older steps" and the paged API at work.

const RETRIED: RuleId[] = ["windows-restart-photo-agent", "stable-wifi", "restart-device", "windows-uploads-folder"];

export async function seedLongHistoryCase(ctx: TenantContext, now: Date): Promise<void> {
  const created = await createCase(
    ctx,
    {
      customer: { name: "Rolf Integration", email: "rolf.integration@example.com" },
      devices: [
        { platform: "windows", model: "Surface Laptop 5", osVersion: "Windows 11 23H2", icloudForWindowsVersion: "15.1", network: "wifi" },
        { platform: "iphone", model: "iPhone 14", osVersion: "17.5.1", icloudPhotosEnabled: true },
      ],
      statusMessages: [{ deviceIndex: 0, message: "uploading", text: "Uploading 2,311 photos" }],
      symptoms: ["windows_thumbnails_missing", "slow_upload"],
    },
    { now },
  );
  const steps = HISTORY_PAGE_SIZE + 12;
  for (let index = 0; index < steps; index++) {
    const triedAt = new Date(now.getTime() - (steps - index) * 6 * 3_600_000).toISOString();
    await recordStep(ctx, created.case.id, { ruleId: RETRIED[index % RETRIED.length]!, outcome: "no_change", note: `Nightly check ${index + 1}: still uploading`, triedAt }, { now });
  }
}
