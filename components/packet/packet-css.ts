// The packet's styles, shared by the page (inlined next to the article) and packet.html in the
// ZIP, which has no other stylesheet. Print: fluid to fit A4 and Letter alike (the page size is the
// printer's), screenshots kept whole on a page, tables repeat their heads, links print as text.
export const PACKET_CSS = `
.pkt { color: #0f172a; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 60rem; }
.pkt h1, .pkt h2, .pkt h3 { line-height: 1.25; margin: 0 0 .5rem; }
.pkt h1 { font-size: 1.6rem; }
.pkt .pkt-section > h2, .pkt .pkt-section > h3 { font-size: 1.2rem; border-bottom: 1px solid #cbd5e1; padding-bottom: .25rem; }
.pkt-head h2 { font-size: 1.6rem; }
.pkt-kicker { margin: 0; color: #334155; font-size: .85rem; text-transform: uppercase; letter-spacing: .05em; }
.pkt-section { margin-top: 1.5rem; }
.pkt table { border-collapse: collapse; width: 100%; }
.pkt caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.pkt th, .pkt td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #e2e8f0; }
.pkt-facts th { width: 38%; font-weight: 600; color: #1e293b; }
.pkt-grid thead th { background: #f1f5f9; font-weight: 600; }
.pkt-grid { font-size: .9rem; }
.pkt-scroll { overflow-x: auto; }
.pkt-override { border: 2px solid #b45309; background: #fffbeb; color: #451a03; padding: .6rem .8rem; border-radius: .375rem; }
.pkt-note { background: #f8fafc; border-left: 4px solid #64748b; padding: .5rem .8rem; }
.pkt-list, .pkt-criteria, .pkt-timeline { padding-left: 1.25rem; }
.pkt-list > li { margin-bottom: 1rem; }
.pkt-status { margin: 0; }
.pkt-status p { margin: .25rem 0; }
.pkt-status img { display: block; max-width: min(100%, 40rem); max-height: 40rem; height: auto; border: 1px solid #94a3b8; margin-top: .4rem; }
.pkt-exact { font-family: ui-monospace, Menlo, Consolas, monospace; }
.pkt-small { font-size: .8rem; color: #334155; word-break: break-all; }
.pkt-met .pkt-mark { color: #047857; }
.pkt-unmet .pkt-mark { color: #b91c1c; }
.pkt-criteria > li { margin-bottom: .35rem; }
.pkt-page { margin: 0; padding: 1.5rem; background: #fff; }
@page { margin: 14mm 12mm; }
@media print {
  .pkt { max-width: none; font-size: 10.5pt; }
  .pkt-scroll { overflow: visible; }
  .pkt thead { display: table-header-group; }
  .pkt tr, .pkt-status, .pkt-criteria > li { break-inside: avoid; }
  .pkt h2, .pkt h3 { break-after: avoid; }
  .pkt-status img { max-width: 100%; max-height: 110mm; width: auto; }
  .pkt-page { padding: 0; }
}
`;
