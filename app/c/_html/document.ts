import { createHash } from "node:crypto";
import { html, SafeHtml } from "@/app/c/_html/html";

// The page shell and its stylesheet. Phone first: 18px text, one column, tap targets of at least
// 48px, no zoom lock. No JavaScript at all: the page reads and reports without it, and a page
// holding a secret in its address runs no script that could leak it. The stylesheet is inline
// and allowed by its hash in the Content-Security-Policy.

const STYLES = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:18px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#0f172a;background:#f1f5f9}
.wrap{max-width:40rem;margin:0 auto;padding:1rem}
header.top{background:#1e3a8a;color:#fff}
header.top p{margin:0;font-size:.95rem;opacity:.95}
header.top h1{margin:.25rem 0 0;font-size:1.6rem;line-height:1.25}
h2{font-size:1.3rem;margin:0 0 .5rem}
h3{font-size:1.1rem;margin:0 0 .5rem}
section,.card{background:#fff;border-radius:.75rem;padding:1rem;margin:1rem 0;box-shadow:0 1px 2px rgba(15,23,42,.12)}
ol,ul{padding-left:1.4rem;margin:.5rem 0}
li+li{margin-top:.35rem}
.steps{list-style:none;padding:0}
.steps>li{border-top:1px solid #cbd5e1;padding-top:1rem;margin-top:1rem}
.steps>li:first-child{border-top:0;padding-top:0;margin-top:0}
.status{font-size:1.15rem;font-weight:700;margin:0}
.meta{color:#334155;font-size:.95rem}
.apple{border-left:4px solid #6d28d9;padding-left:.75rem}
.notice{border-radius:.75rem;padding:1rem;margin:1rem 0;background:#ecfdf5;border:2px solid #047857;color:#064e3b}
.alert{border-radius:.75rem;padding:1rem;margin:1rem 0;background:#fef2f2;border:2px solid #b91c1c;color:#7f1d1d}
.caution{background:#fffbeb;border:2px solid #b45309;color:#78350f;border-radius:.5rem;padding:.5rem .75rem}
.cautions{list-style:none;padding:0}
.cautions li{background:#fffbeb;border-left:4px solid #b45309;padding:.4rem .6rem;color:#78350f}
.cautions li.tip{background:#eff6ff;border-left-color:#1d4ed8;color:#1e3a8a}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
textarea{width:100%;font:inherit;padding:.6rem;border:2px solid #475569;border-radius:.5rem;min-height:3.5rem}
.hint{color:#334155;font-size:.9rem;margin:.25rem 0}
.error{color:#b91c1c;font-weight:600;margin:.25rem 0}
.buttons{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:.75rem}
button{flex:1 1 10rem;min-height:3rem;font:inherit;font-weight:700;border-radius:.6rem;padding:.6rem 1rem;cursor:pointer;border:2px solid transparent}
button.yes{background:#047857;color:#fff}
button.no{background:#fff;color:#1e3a8a;border-color:#1e3a8a}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.history{list-style:none;padding:0}
.history li{border-top:1px solid #cbd5e1;padding:.6rem 0}
.history li:first-child{border-top:0}
.tag{display:inline-block;border-radius:.4rem;padding:0 .45rem;font-weight:700;font-size:.95rem}
.tag.resolved{background:#d1fae5;color:#065f46}
.tag.other{background:#e2e8f0;color:#1e293b}
.note{margin:.25rem 0 0;padding-left:.75rem;border-left:3px solid #94a3b8;color:#1e293b}
dt{font-weight:700;margin-top:.75rem}
dd{margin:0}
a{color:#1d4ed8}
footer{color:#334155;font-size:.9rem;padding-bottom:2rem}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
`.trim();

export const STYLE_HASH = `'sha256-${createHash("sha256").update(STYLES).digest("base64")}'`;

export function documentHtml({ title, body }: { title: string; body: SafeHtml }): string {
  return `<!doctype html>${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${new SafeHtml(STYLES)}</style>
</head>
<body>${body}</body>
</html>`}`;
}
