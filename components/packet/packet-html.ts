import type { PacketDocument, PacketScreenshot } from "@/lib/escalation/packet-document";
import {
  APPLE_SYSTEM_STATUS_LABELS,
  BOOLEAN_FACT_LABELS,
  NETWORK_LABELS,
  PLATFORM_LABELS,
  STATUS_MESSAGE_LABELS,
  STEP_OUTCOME_LABELS,
  STORAGE_MODE_LABELS,
  SYMPTOM_LABELS,
} from "@/lib/facts/labels";
import { CASE_STATUS_LABELS } from "@/lib/cases/view/status-labels";
import { formatDateTime } from "@/components/case/format";
import { PACKET_CSS } from "@/components/packet/packet-css";

// The packet as HTML: one renderer for the page on screen, its printout and packet.html inside
// packet.zip, so all three show the same thing (docs/decisions/0011-frozen-escalation-packet.md).
// A string, not a React tree, because the ZIP is built outside React; every value is escaped.

export interface PacketHtmlOptions {
  /** Where the <img> of a screenshot points: the API on screen, the file inside the ZIP. */
  screenshotSrc: (shot: PacketScreenshot) => string;
  /** The document's top heading level (1 when the packet is the page, 2 inside another page). */
  headingLevel?: 1 | 2;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: unknown): string => String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const yesNo = (value: boolean | null) => BOOLEAN_FACT_LABELS[value === null ? "unknown" : value ? "true" : "false"];
const or = (value: string | number | null, unit = "") => (value === null || value === "" ? "Unknown" : `${value}${unit}`);
const row = (label: string, value: string) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
const facts = (caption: string, rows: string[]) => `<table class="pkt-facts"><caption>${escapeHtml(caption)}</caption><tbody>${rows.join("")}</tbody></table>`;

/** The packet's markup (an <article>), for embedding in a page that brings PACKET_CSS. */
export function renderPacketArticle(doc: PacketDocument, options: PacketHtmlOptions): string {
  const h1 = options.headingLevel ?? 1;
  const h2 = h1 + 1;
  const section = (id: string, title: string, body: string) =>
    `<section class="pkt-section" aria-labelledby="pkt-${id}"><h${h2} id="pkt-${id}">${escapeHtml(title)}</h${h2}>${body}</section>`;
  return [
    `<article class="pkt" aria-labelledby="pkt-title" data-packet-kind="${doc.kind}">`,
    header(doc, h1),
    section("customer", "Customer and problem", customer(doc)),
    section("devices", "Devices", devices(doc)),
    section("library", "Library and iCloud storage", library(doc)),
    section("statuses", "Status messages", statuses(doc, options)),
    section("steps", "Steps tried", steps(doc)),
    section("readiness", doc.kind === "submission" ? "Readiness at submission" : "Readiness now", readiness(doc)),
    section("timeline", "Timeline", timeline(doc)),
    `</article>`,
  ].join("\n");
}

/** A standalone HTML page (packet.html in the ZIP): the article with its styles, nothing else. */
export function renderPacketHtmlDocument(doc: PacketDocument, options: PacketHtmlOptions): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Escalation packet ${doc.case.displayNumber} · ${doc.tenant.name}`)}</title>
<style>${PACKET_CSS}</style></head>
<body class="pkt-page"><main>
${renderPacketArticle(doc, options)}
</main></body></html>
`;
}

function header(doc: PacketDocument, level: number): string {
  const { submission } = doc;
  const meta = [
    row("Case", doc.case.displayNumber),
    row("Support organisation", doc.tenant.name),
    row("Status", CASE_STATUS_LABELS[doc.case.status]),
    row("Opened", formatDateTime(doc.case.openedAt)),
    row("Assigned to", doc.case.assignee ?? "Unassigned"),
    submission
      ? row("Submitted for review", `${formatDateTime(submission.submittedAt)} by ${submission.submittedBy.name}`)
      : row("Submitted for review", "Not yet: this is a draft of the case as it is now"),
    row("Packet made", formatDateTime(doc.generatedAt)),
  ];
  const override = submission?.overrideReason
    ? `<p class="pkt-override"><strong>Submitted before every readiness criterion was met.</strong> Supervisor's reason: ${escapeHtml(submission.overrideReason)}</p>`
    : "";
  const note = submission?.note ? `<p class="pkt-note"><strong>Note from the agent:</strong> ${escapeHtml(submission.note)}</p>` : "";
  return `<header class="pkt-head">
<p class="pkt-kicker">Escalation packet for Apple Support</p>
<h${level} id="pkt-title">${escapeHtml(`${doc.case.displayNumber} · ${doc.facts.customer.name}`)}</h${level}>
${facts("About this packet", meta)}${override}${note}
</header>`;
}

function customer(doc: PacketDocument): string {
  const f = doc.facts;
  return facts("Customer and problem", [
    row("Customer", f.customer.name),
    row("Email", f.customer.email ?? "Not recorded"),
    row("Problem seen since", formatDateTime(f.problemSince)),
    row("Same Apple ID on every device", yesNo(f.appleIdConsistent)),
    row("Apple system status", APPLE_SYSTEM_STATUS_LABELS[f.appleSystemStatus]),
    row("Symptoms", f.symptoms.length ? f.symptoms.map((s) => SYMPTOM_LABELS[s]).join("; ") : "None recorded"),
  ]);
}

function devices(doc: PacketDocument): string {
  const head = ["Device", "Model", "OS version", "iCloud Photos", "Storage mode", "Free storage", "Network", "Low Power Mode", "Plugged in", "VPN"];
  const body = doc.facts.devices.map((d, index) => {
    const os = d.osVersion ? `${d.osVersion}${d.icloudForWindowsVersion ? ` (iCloud for Windows ${d.icloudForWindowsVersion})` : ""}` : "Unknown";
    const cells = [
      `${index + 1}. ${PLATFORM_LABELS[d.platform]} (${d.key})`,
      d.model ?? "Unknown",
      os,
      yesNo(d.icloudPhotosEnabled),
      d.storageMode ? STORAGE_MODE_LABELS[d.storageMode] : "Unknown",
      or(d.freeStorageGb, " GB"),
      d.network ? NETWORK_LABELS[d.network] : "Unknown",
      yesNo(d.lowPowerMode),
      yesNo(d.pluggedIn),
      yesNo(d.vpn),
    ];
    return `<tr><th scope="row">${escapeHtml(cells[0])}</th>${cells.slice(1).map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`;
  });
  return `<div class="pkt-scroll"><table class="pkt-grid"><caption>Every device in the case</caption><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead><tbody>${body.join("")}</tbody></table></div>`;
}

function library(doc: PacketDocument): string {
  const { library: lib, icloudStorage: cloud } = doc.facts;
  return facts("Library and iCloud storage", [
    row("Items in the library", lib.itemCount === null ? "Unknown" : lib.itemCount.toLocaleString("en")),
    row("Library size", or(lib.sizeGb, " GB")),
    row("Large files (4K/HDR video, RAW, long Live Photos)", yesNo(lib.hasLargeFiles)),
    row("iCloud plan", or(cloud.totalGb, " GB")),
    row("Free iCloud storage", or(cloud.freeGb, " GB")),
  ]);
}

function statuses(doc: PacketDocument, options: PacketHtmlOptions): string {
  if (doc.facts.statusMessages.length === 0) return `<p>No status message recorded.</p>`;
  const shots = new Map(doc.screenshots.map((shot) => [shot.id, shot]));
  const deviceLabel = (key: string) => {
    const device = doc.facts.devices.find((d) => d.key === key);
    return device ? `${device.model ?? PLATFORM_LABELS[device.platform]} (${PLATFORM_LABELS[device.platform]})` : key;
  };
  const items = doc.facts.statusMessages.map((status) => {
    const shot = status.screenshotId ? shots.get(status.screenshotId) : undefined;
    const label = `${STATUS_MESSAGE_LABELS[status.message]} on ${deviceLabel(status.deviceKey)}`;
    const text = status.text ? `<p>Exact text: <q class="pkt-exact">${escapeHtml(status.text)}</q></p>` : `<p>Exact text not recorded.</p>`;
    const image = shot
      ? `<img src="${escapeHtml(options.screenshotSrc(shot))}" alt="${escapeHtml(`Screenshot: ${label}`)}"><p class="pkt-small">Screenshot ${escapeHtml(shot.file)} · ${escapeHtml(shot.contentType)} · ${shot.sizeBytes.toLocaleString("en")} bytes · SHA-256 <code>${escapeHtml(shot.sha256)}</code></p>`
      : "";
    return `<li><figure class="pkt-status"><figcaption><strong>${escapeHtml(label)}</strong>, seen ${escapeHtml(formatDateTime(status.observedAt))}</figcaption>${text}${image}</figure></li>`;
  });
  return `<ol class="pkt-list">${items.join("")}</ol>`;
}

function steps(doc: PacketDocument): string {
  if (doc.steps.length === 0) return `<p>No steps recorded.</p>`;
  const body = doc.steps.map(
    (s) =>
      `<tr><th scope="row">${escapeHtml(s.title)}</th><td>${escapeHtml(STEP_OUTCOME_LABELS[s.outcome])}</td><td>${escapeHtml(s.note ?? "—")}</td><td>${escapeHtml(formatDateTime(s.triedAt))}</td><td>${escapeHtml(s.by.name)}</td></tr>`,
  );
  return `<div class="pkt-scroll"><table class="pkt-grid"><caption>Every step tried, oldest first</caption><thead><tr><th scope="col">Step</th><th scope="col">Outcome</th><th scope="col">Note</th><th scope="col">Tried</th><th scope="col">Recorded by</th></tr></thead><tbody>${body.join("")}</tbody></table></div>`;
}

function readiness(doc: PacketDocument): string {
  const items = doc.readiness.criteria.map((c) => {
    const missing = c.missing.length ? `<ul>${c.missing.map((m) => `<li>${escapeHtml(m)}</li>`).join("")}</ul>` : "";
    return `<li class="${c.met ? "pkt-met" : "pkt-unmet"}"><span class="pkt-mark" aria-hidden="true">${c.met ? "✓" : "✗"}</span> <strong>${c.met ? "Met" : "Not met"}:</strong> ${escapeHtml(c.label)}${missing}</li>`;
  });
  return `<p>${doc.readiness.ready ? "Every criterion was met." : "Not every criterion was met."}</p><ul class="pkt-criteria">${items.join("")}</ul>`;
}

function timeline(doc: PacketDocument): string {
  const shown = doc.timeline.length < doc.timelineTotal ? `<p class="pkt-small">The latest ${doc.timeline.length} of ${doc.timelineTotal} events.</p>` : "";
  const items = doc.timeline.map(
    (e) => `<li><time datetime="${escapeHtml(e.at)}">${escapeHtml(formatDateTime(e.at))}</time> — <strong>${escapeHtml(e.by.name)}</strong> ${escapeHtml(e.summary)}</li>`,
  );
  return `${shown}<ol class="pkt-timeline">${items.join("")}</ol>`;
}
