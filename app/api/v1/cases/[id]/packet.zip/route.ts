import { apiRoute } from "@/app/_server/api-route";
import { openPacketZip } from "@/lib/escalation/packet-zip";
import { renderPacketHtmlDocument } from "@/components/packet/packet-html";
import { ESCALATION_OPERATIONS } from "@/lib/api/escalation-operations";

// GET /api/v1/cases/{id}/packet.zip — packet.json, the printable packet.html and every screenshot.
export const GET = apiRoute<{ id: string }>(ESCALATION_OPERATIONS.downloadEscalationPacket, async ({ ctx, params }) => {
  const zip = await openPacketZip(ctx, params.id, (doc, screenshotSrc) => renderPacketHtmlDocument(doc, { screenshotSrc }));
  return new Response(zip.stream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${zip.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
