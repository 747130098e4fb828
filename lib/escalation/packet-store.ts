import type { Prisma } from "@/lib/db/generated/client";
import { actorUserId, type TenantContext } from "@/lib/tenancy/context";
import type { TenantTx } from "@/lib/tenancy/with-tenant";
import { packetDocumentSchema, type PacketDocument } from "@/lib/escalation/packet-document";

// Frozen packets: inserted once per submission, never updated (the database refuses it). Each
// cited screenshot gets a row whose foreign key keeps the screenshot from being deleted.

export interface StoredPacket {
  id: string;
  caseVersion: number;
  submittedAt: Date;
  actorLabel: string;
  overrideReason: string | null;
  document: PacketDocument;
}

export async function insertPacket(
  tx: TenantTx,
  ctx: TenantContext,
  packet: { id: string; caseId: string; caseVersion: number; submittedAt: Date; note: string | null; overrideReason: string | null; document: PacketDocument },
): Promise<void> {
  const { tenantId, actor } = ctx;
  await tx.escalationPacket.create({
    data: {
      tenantId,
      id: packet.id,
      caseId: packet.caseId,
      caseVersion: packet.caseVersion,
      submittedAt: packet.submittedAt,
      actorKind: actor.kind,
      actorUserId: actorUserId(actor),
      actorLabel: actor.label,
      note: packet.note,
      overrideReason: packet.overrideReason,
      document: packet.document as unknown as Prisma.InputJsonValue,
    },
  });
  if (packet.document.screenshots.length > 0) {
    await tx.escalationPacketScreenshot.createMany({
      data: packet.document.screenshots.map((shot) => ({ tenantId, packetId: packet.id, attachmentId: shot.id, sha256: shot.sha256 })),
    });
  }
}

const packetSelect = { id: true, caseVersion: true, submittedAt: true, actorLabel: true, overrideReason: true, document: true } as const;

/** The case's submissions, newest first (the first is the one under review or last decided). */
export async function loadPackets(tx: TenantTx, tenantId: string, caseId: string): Promise<StoredPacket[]> {
  const rows = await tx.escalationPacket.findMany({
    where: { tenantId, caseId },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    select: packetSelect,
  });
  // Stored by this code; parsing keeps a hand-edited or older row from reaching a page half-formed.
  return rows.map((row) => ({ ...row, document: packetDocumentSchema.parse(row.document) }));
}
