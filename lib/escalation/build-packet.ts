import type { CaseView } from "@/lib/cases/view/case-view";
import { describeEvent } from "@/lib/cases/view/timeline-words";
import type { StepOutcome } from "@/lib/facts/schema";
import { RULES_BY_ID } from "@/lib/rules/catalog";
import type { RuleId } from "@/lib/rules/rule-ids";
import type { TenantTx } from "@/lib/tenancy/with-tenant";
import {
  PACKET_FORMAT,
  PACKET_TIMELINE_LENGTH,
  screenshotFileName,
  type PacketDocument,
  type PacketScreenshot,
} from "@/lib/escalation/packet-document";

/**
 * The packet document of a case as `view` shows it, read inside the caller's transaction (so a
 * submission freezes exactly what it checked). Adds what the view lacks: the tenant's name, each
 * screenshot's checksum and the timeline in words.
 */
export async function buildPacketDocument(
  tx: TenantTx,
  tenantId: string,
  view: CaseView,
  options: { kind: PacketDocument["kind"]; now: Date; submission: PacketDocument["submission"] },
): Promise<PacketDocument> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { id: true, name: true } });
  const screenshots = await screenshotsOf(tx, tenantId, view);
  const recent = view.timeline.slice(-PACKET_TIMELINE_LENGTH);
  const nameOf = await memberNames(tx, tenantId, recent);

  return {
    format: PACKET_FORMAT,
    kind: options.kind,
    generatedAt: options.now.toISOString(),
    tenant,
    case: {
      id: view.id,
      number: view.number,
      displayNumber: view.displayNumber,
      status: view.status,
      version: view.version,
      openedAt: view.createdAt,
      assignee: view.assignee?.name ?? null,
    },
    submission: options.submission,
    facts: view.facts,
    screenshots,
    steps: view.steps.map((step) => ({
      ruleId: step.ruleId,
      title: RULES_BY_ID.get(step.ruleId as RuleId)?.title ?? step.ruleId,
      outcome: step.outcome as StepOutcome,
      note: step.note,
      triedAt: step.triedAt,
      recordedAt: step.recordedAt,
      by: step.by,
    })),
    readiness: { ready: view.escalation.ready, missing: view.escalation.missing, criteria: view.escalation.criteria },
    timeline: recent.map((event) => ({
      at: event.at,
      by: { kind: event.actor.kind, name: event.actor.name },
      type: event.type,
      summary: describeEvent(event.type, (event.data ?? {}) as Record<string, unknown>, nameOf),
    })),
    timelineTotal: view.timeline.length,
  };
}

async function screenshotsOf(tx: TenantTx, tenantId: string, view: CaseView): Promise<PacketScreenshot[]> {
  const ids = [...new Set(view.facts.statusMessages.map((status) => status.screenshotId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return [];
  const rows = await tx.attachment.findMany({
    where: { tenantId, id: { in: ids } },
    select: { id: true, contentType: true, sizeBytes: true, sha256: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...row, file: screenshotFileName(row.id, row.contentType) }] : [];
  });
}

/** Names for the user ids the events mention (assignments), read once. */
async function memberNames(tx: TenantTx, tenantId: string, events: CaseView["timeline"]): Promise<(userId: unknown) => string> {
  const ids = [...new Set(events.filter((e) => e.type === "assignee.changed").map((e) => (e.data as { to?: unknown }).to))]
    .filter((id): id is string => typeof id === "string");
  const rows = ids.length
    ? await tx.membership.findMany({ where: { tenantId, userId: { in: ids } }, select: { userId: true, user: { select: { name: true } } } })
    : [];
  const names = new Map(rows.map((row) => [row.userId, row.user.name]));
  return (userId) => (typeof userId === "string" ? names.get(userId) ?? "a former member" : "nobody");
}
