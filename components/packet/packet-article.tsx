import type { PacketDocument } from "@/lib/escalation/packet-document";
import { renderPacketArticle } from "@/components/packet/packet-html";
import { PACKET_CSS } from "@/components/packet/packet-css";

/**
 * The packet on a staff page: the same escaped markup as packet.html in the ZIP (one renderer),
 * with its screenshots served by the attachments API to the signed-in user.
 */
export function PacketArticle({ doc, headingLevel }: { doc: PacketDocument; headingLevel: 1 | 2 }) {
  const html = renderPacketArticle(doc, { headingLevel, screenshotSrc: (shot) => `/api/v1/attachments/${shot.id}` });
  return (
    <>
      <style>{PACKET_CSS}</style>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </>
  );
}
