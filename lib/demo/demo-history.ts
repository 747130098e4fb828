import type { CaseStatus } from "@/lib/cases/schemas/case-schemas";
import { loadCaseRecord } from "@/lib/cases/case-record";
import { createCase } from "@/lib/cases/create-case";
import { lockCase } from "@/lib/cases/lock-case";
import { recordStep } from "@/lib/cases/record-step";
import { saveCase } from "@/lib/cases/save-case";
import { statusChange } from "@/lib/cases/status-transitions";
import { updateCase } from "@/lib/cases/update-case";
import type { DeviceInput } from "@/lib/facts/schema";
import type { RuleId } from "@/lib/rules/rule-ids";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { seededRandom } from "@/lib/util/seeded-random";

// Ninety days of finished (and some unfinished) work for the demo tenant, so the supervisors' metrics
// mean something on the first start: cases logged through the real services at past moments, steps
// tried with realistic odds, most resolved, some escalated to Apple, a few returned from review.

const HOUR = 3_600_000;
const FIRST = ["Ana", "Ben", "Chloe", "Dev", "Eva", "Farid", "Gina", "Hugo", "Iris", "Jon", "Kira", "Leo", "Mina", "Nils", "Olga", "Pablo"];
const LAST = ["Adams", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Gomez", "Hall", "Ito", "Jensen", "Kovac", "Lopez"];

/** The steps agents try, in the guide's order, with the share of attempts that resolve the problem. */
const TRIED: ReadonlyArray<{ ruleId: RuleId; resolves: number; mac?: boolean }> = [
  { ruleId: "check-apple-system-status", resolves: 0.03 },
  { ruleId: "test-fresh-shot", resolves: 0.1 },
  { ruleId: "keep-photos-open-plugged-in", resolves: 0.25 },
  { ruleId: "mac-keep-photos-open", resolves: 0.3, mac: true },
  { ruleId: "disable-low-power-mode", resolves: 0.32 },
  { ruleId: "free-icloud-storage", resolves: 0.42 },
  { ruleId: "stable-wifi", resolves: 0.22 },
  { ruleId: "restart-device", resolves: 0.18 },
  { ruleId: "update-os", resolves: 0.14 },
  { ruleId: "toggle-icloud-photos", resolves: 0.35 },
];

export async function seedDemoHistory(args: { tenantId: string; agentId: string; supervisorId: string; now: Date; cases?: number }): Promise<void> {
  const { tenantId, now } = args;
  const agent: TenantContext = { tenantId, actor: { kind: "user", userId: args.agentId, role: "agent", label: "Alex Agent" } };
  const supervisor: TenantContext = { tenantId, actor: { kind: "user", userId: args.supervisorId, role: "supervisor", label: "Sam Supervisor" } };
  const random = seededRandom(20260901);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const count = args.cases ?? 150;

  for (let index = 0; index < count; index++) {
    // Spread over the 90 days before the demo desk's own cases, during working hours.
    const day = 90 - Math.floor((index / count) * 88);
    let at = new Date(now.getTime() - day * 24 * HOUR + (8 + Math.floor(random() * 9)) * HOUR);
    const devices = historyDevices(random, pick);
    const first = pick(FIRST);
    const last = pick(LAST);
    const created = await createCase(agent, {
      customer: { name: `${first} ${last}`, email: `${first}.${last}.h${index}@example.com`.toLowerCase() },
      problemSince: new Date(at.getTime() - (2 + Math.floor(random() * 40)) * HOUR).toISOString(),
      appleIdConsistent: true,
      appleSystemStatus: "ok",
      library: { itemCount: 5_000 + Math.floor(random() * 40_000), sizeGb: 20 + Math.floor(random() * 300), hasLargeFiles: random() < 0.4 },
      devices,
      statusMessages: [{ deviceKey: devices[0]!.key!, message: "waiting_to_upload", text: "Waiting to Upload", observedAt: at.toISOString() }],
      symptoms: ["stuck_waiting_to_upload"],
      assigneeId: args.agentId,
    }, { now: at });
    const caseId = created.case.id;
    const hasMac = devices.some((device) => device.platform === "mac");

    let resolved = false;
    for (const step of TRIED) {
      if (step.mac && !hasMac) continue;
      if (random() < 0.35) continue; // not every step is tried on every case
      at = new Date(at.getTime() + (1 + Math.floor(random() * 5)) * HOUR);
      if (at >= now) break;
      const roll = random();
      const outcome = roll < step.resolves ? "resolved" : roll > 0.95 ? "worse" : "no_change";
      await recordStep(agent, caseId, { ruleId: step.ruleId, outcome, triedAt: at.toISOString() }, { now: at });
      if (outcome === "resolved") {
        resolved = true;
        break;
      }
    }
    const later = (hours: number) => new Date(at.getTime() + hours * HOUR);
    if (resolved) {
      if (later(2) < now) await updateCase(agent, caseId, { version: created.case.version, status: "resolved" }, { now: later(2) });
      continue;
    }
    const fate = random();
    if (fate < 0.2 || later(24 * 8) >= now) continue; // still being worked on
    await move(agent, caseId, "escalation_review", later(20));
    if (fate < 0.5) {
      // Sent back for more work: solved by the desk, or submitted again and escalated.
      await move(supervisor, caseId, "open", later(28));
      if (fate < 0.4) {
        await move(agent, caseId, "resolved", later(60));
        continue;
      }
      await move(agent, caseId, "escalation_review", later(50));
    }
    await move(supervisor, caseId, "escalated", later(70));
    if (fate > 0.65) await move(agent, caseId, "resolved", later(24 * 7));
  }
}

function historyDevices(random: () => number, pick: <T>(items: readonly T[]) => T): DeviceInput[] {
  const iosMajor = random() < 0.6 ? "18" : random() < 0.85 ? "17" : "16";
  const iphone: DeviceInput = { key: "iphone-1", platform: "iphone", model: pick(["iPhone 15", "iPhone 14 Pro", "iPhone 16", "iPhone 13"]), osVersion: `${iosMajor}.${Math.floor(random() * 6)}`, network: "wifi", icloudPhotosEnabled: true };
  const roll = random();
  if (roll < 0.2) return [iphone, { key: "mac-1", platform: "mac", model: "MacBook Air (M2)", osVersion: random() < 0.6 ? "15.1" : "14.6", network: "wifi", icloudPhotosEnabled: true }];
  if (roll < 0.3) return [iphone, { key: "pc-1", platform: "windows", model: "Surface Laptop 5", osVersion: "11", icloudForWindowsVersion: random() < 0.7 ? "15.3.1.2" : "14.2.0.9", network: "wifi", icloudPhotosEnabled: true }];
  return [iphone];
}

/**
 * Escalation review moves through the shared save path (statusChange + saveCase), as the review
 * service does; resolving an escalated case is the case's closing move.
 */
async function move(ctx: TenantContext, caseId: string, to: CaseStatus, now: Date): Promise<void> {
  await withTenant(ctx.tenantId, async (tx) => {
    if (!(await lockCase(tx, ctx.tenantId, caseId))) return;
    const record = (await loadCaseRecord(tx, ctx.tenantId, caseId))!;
    const change = statusChange(caseId, record.row.status, to, now);
    await saveCase(tx, ctx, { record, now, data: change.data, events: [change.event] });
  });
}
