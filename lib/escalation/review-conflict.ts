import { AppError } from "@/lib/errors/app-error";
import type { CaseStatus } from "@/lib/cases/schemas/case-schemas";
import { claimCaseVersion } from "@/lib/cases/claim-version";
import { statusInSentence } from "@/lib/cases/view/status-labels";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

// "Two supervisors acting at once: one wins, the other is told" (SPEC §4). A review action that
// finds the case moved on answers 409 saying who moved it, when, and how — read from the latest
// status change on the timeline, which the winner committed before the loser's claim matched nothing.

interface HandledBy {
  name: string;
  at: string;
  action: "submitted" | "approved" | "returned" | "status_changed";
  appleCaseNumber?: string;
  reason?: string;
}

const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

async function latestStatusChange(tx: TenantTx, tenantId: string, caseId: string): Promise<HandledBy | null> {
  const event = await tx.caseEvent.findFirst({
    where: { tenantId, caseId, type: "status.changed" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { actorLabel: true, createdAt: true, data: true },
  });
  if (!event) return null;
  const data = (event.data ?? {}) as Record<string, unknown>;
  const escalation = data.escalation;
  const action = escalation === "submitted" || escalation === "approved" || escalation === "returned" ? escalation : "status_changed";
  return {
    name: event.actorLabel,
    at: event.createdAt.toISOString(),
    action,
    ...(typeof data.appleCaseNumber === "string" ? { appleCaseNumber: data.appleCaseNumber } : {}),
    ...(typeof data.reason === "string" ? { reason: data.reason } : {}),
  };
}

function sentence(handled: HandledBy, status: CaseStatus): string {
  switch (handled.action) {
    case "approved":
      return `${handled.name} already approved this escalation at ${when(handled.at)} (Apple case number ${handled.appleCaseNumber}).`;
    case "returned":
      return `${handled.name} already returned this case to the agent at ${when(handled.at)}.`;
    case "submitted":
      return `${handled.name} submitted this case for review at ${when(handled.at)}.`;
    default:
      return `${handled.name} set this case to ${statusInSentence(status)} at ${when(handled.at)}.`;
  }
}

/** A 409 for a case that is not (or no longer) where the action expects it, naming who moved it. */
export async function reviewConflict(tx: TenantTx, tenantId: string, caseId: string, expected: string): Promise<AppError> {
  const row = await tx.case.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: caseId } }, select: { status: true, version: true } });
  const handled = await latestStatusChange(tx, tenantId, caseId);
  const status = statusInSentence(row.status);
  const moved = handled ? ` ${sentence(handled, row.status)}` : "";
  return new AppError("conflict", `The case is ${status}, not ${expected}.${moved}`, {
    currentStatus: row.status,
    currentVersion: row.version,
    handledBy: handled,
  });
}

/**
 * claimCaseVersion for the review flow: a stale version answers 409 with who handled the case
 * meanwhile (or, when its status did not move, that it was edited and needs a fresh look).
 */
export async function claimForReview(tx: TenantTx, tenantId: string, caseId: string, version: number, now: Date): Promise<void> {
  try {
    await claimCaseVersion(tx, tenantId, caseId, version, now);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "conflict") throw error;
    const handled = await latestStatusChange(tx, tenantId, caseId);
    const row = await tx.case.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: caseId } }, select: { status: true } });
    const detail = handled && handled.action !== "submitted" ? sentence(handled, row.status) : "It was edited since you opened it.";
    throw new AppError("conflict", `This case changed while you had it open. ${detail} Reload to see the latest.`, {
      ...error.details,
      currentStatus: row.status,
      handledBy: handled,
    });
  }
}
