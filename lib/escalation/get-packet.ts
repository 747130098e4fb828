import { notFound } from "@/lib/errors/app-error";
import { loadCaseView } from "@/lib/cases/view/case-view";
import { diffFacts } from "@/lib/cases/facts-diff";
import { buildPacketDocument } from "@/lib/escalation/build-packet";
import type { PacketDocument } from "@/lib/escalation/packet-document";
import type { PacketView } from "@/lib/escalation/packet-view-schema";
import { loadPackets } from "@/lib/escalation/packet-store";
import { isUuid } from "@/lib/util/uuid";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

export async function getPacket(ctx: TenantContext, unverifiedCaseId: string, now = new Date()): Promise<PacketView> {
  if (!isUuid(unverifiedCaseId)) throw notFound("Case");
  const { tenantId } = ctx;
  return withTenant(tenantId, async (tx) => {
    const view = await loadCaseView(tx, tenantId, unverifiedCaseId, now);
    if (!view) throw notFound("Case");
    const packets = await loadPackets(tx, tenantId, view.id);
    const current = await buildPacketDocument(tx, tenantId, view, { kind: "draft", now, submission: null });
    const latest = packets[0] ?? null;
    const submission = latest?.document ?? null;
    return {
      caseId: view.id,
      displayNumber: view.displayNumber,
      status: view.status,
      version: view.version,
      appleCaseNumber: view.appleCaseNumber,
      review: view.review,
      submission,
      current,
      changesSinceSubmission: latest && submission ? changesSince(submission, current, latest.caseVersion, view.version) : null,
      submissions: packets.map((packet) => ({
        id: packet.id,
        submittedAt: packet.submittedAt.toISOString(),
        submittedBy: packet.actorLabel,
        overrideReason: packet.overrideReason,
        caseVersion: packet.caseVersion,
      })),
    };
  });
}

function changesSince(submission: PacketDocument, current: PacketDocument, submittedVersion: number, currentVersion: number) {
  const submittedAt = submission.submission?.submittedAt ?? submission.generatedAt;
  return {
    facts: diffFacts(submission.facts, current.facts),
    stepsAdded: current.steps.filter((step) => step.recordedAt > submittedAt),
    // The version moves on every versioned write after the submission (facts, assignee, a decision).
    edited: currentVersion > submittedVersion,
  };
}
