import { createHash } from "node:crypto";
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from "fflate";
import type { PacketDocument, PacketScreenshot } from "@/lib/escalation/packet-document";
import { getPacket } from "@/lib/escalation/get-packet";
import type { PacketView } from "@/lib/escalation/packet-view-schema";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

// packet.zip (SPEC §5): packet.json (the same body as GET …/packet), packet.html (the printable
// packet, its screenshots linked as the files beside it) and every screenshot, byte for byte.
// Streamed with fflate (docs/decisions/0012-packet-zip-with-fflate.md): one screenshot is read
// from the database per pull, so memory stays at about one file however large the packet is.

export interface PacketZip {
  fileName: string;
  stream: ReadableStream<Uint8Array>;
}

/** Renders the packet shown in the ZIP; `screenshotSrc` gives each screenshot's path in the archive. */
export type RenderPacketHtml = (doc: PacketDocument, screenshotSrc: (shot: PacketScreenshot) => string) => string;

export async function openPacketZip(ctx: TenantContext, unverifiedCaseId: string, renderHtml: RenderPacketHtml, now = new Date()): Promise<PacketZip> {
  const packet = await getPacket(ctx, unverifiedCaseId, now);
  const shown = packet.submission ?? packet.current;
  const files: Array<() => Promise<ZipEntry>> = [
    async () => ({ name: "packet.json", bytes: strToU8(JSON.stringify(packet, null, 2)), compress: true }),
    async () => ({ name: "packet.html", bytes: strToU8(renderHtml(shown, (shot) => shot.file)), compress: true }),
    ...screenshotsOf(packet).map((shot) => () => readScreenshot(ctx, packet.caseId, shot)),
  ];
  return { fileName: `${packet.displayNumber}-packet.zip`, stream: zipStream(files, now) };
}

interface ZipEntry {
  name: string;
  bytes: Uint8Array;
  /** Screenshots are already compressed images: stored as they are. */
  compress: boolean;
}

/** Every screenshot the frozen submission or the current packet cites, once. */
function screenshotsOf(packet: PacketView): PacketScreenshot[] {
  const all = [...(packet.submission?.screenshots ?? []), ...packet.current.screenshots];
  return [...new Map(all.map((shot) => [shot.id, shot])).values()];
}

async function readScreenshot(ctx: TenantContext, caseId: string, shot: PacketScreenshot): Promise<ZipEntry> {
  const { tenantId } = ctx;
  const row = await withTenant(tenantId, (tx) =>
    tx.attachment.findUnique({ where: { tenantId_id: { tenantId, id: shot.id } }, select: { data: true } }),
  );
  const bytes = row ? new Uint8Array(row.data) : null;
  // The database keeps attachments immutable; a mismatch would mean the packet cites other bytes.
  if (!bytes || createHash("sha256").update(bytes).digest("hex") !== shot.sha256) {
    throw new Error(`Screenshot ${shot.id} of case ${caseId} is missing or no longer matches its SHA-256`);
  }
  return { name: shot.file, bytes, compress: false };
}

function zipStream(files: Array<() => Promise<ZipEntry>>, mtime: Date): ReadableStream<Uint8Array> {
  let next = 0;
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    // One file per pull: the consumer's pace decides when the next screenshot is read.
    async pull(controller) {
      if (next > files.length) return;
      const load = files[next];
      next += 1;
      if (!load) return zip.end();
      let entry: ZipEntry;
      try {
        entry = await load();
      } catch (error) {
        // The status line is already sent; the truncated download is all the client can see.
        console.error("packet.zip failed while streaming", error);
        return controller.error(error);
      }
      const file = entry.compress ? new ZipDeflate(entry.name, { level: 6 }) : new ZipPassThrough(entry.name);
      file.mtime = mtime;
      zip.add(file);
      file.push(entry.bytes, true);
    },
  });
}
