import type { Prisma } from "@/lib/db/generated/client";
import { actorUserId, type TenantContext } from "@/lib/tenancy/context";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

// The case timeline. Only ever inserted: the database refuses UPDATE and DELETE on CaseEvent.

export type CaseEventType =
  | "case.created"
  | "facts.updated"
  | "status.changed"
  | "assignee.changed"
  | "step.recorded"
  | "customer_link.created"
  | "customer_link.rotated"
  | "attachment.added";

export interface NewCaseEvent {
  caseId: string;
  type: CaseEventType;
  data?: Prisma.InputJsonValue;
}

export async function appendEvents(tx: TenantTx, ctx: TenantContext, now: Date, events: NewCaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.caseEvent.createMany({
    data: events.map((event, index) => ({
      tenantId: ctx.tenantId,
      caseId: event.caseId,
      type: event.type,
      actorKind: ctx.actor.kind,
      actorUserId: actorUserId(ctx.actor),
      actorLabel: ctx.actor.label,
      data: event.data ?? {},
      // Events of one request share a moment; a millisecond apart keeps their order stable in the timeline.
      createdAt: new Date(now.getTime() + index),
    })),
  });
}
