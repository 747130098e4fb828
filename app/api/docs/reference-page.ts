// The API reference page (/api/docs): Scalar's standalone browser bundle from npm, served from this
// origin, rendering /api/v1/openapi.json. No CDN, no inline script, no eval, no remote fonts or
// telemetry, so it runs under the strict policy below. Decision 0071.

/** Everything the page needs: our own scripts; inline styles (Scalar injects its stylesheet); data: images and fonts. */
const REFERENCE_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const REFERENCE_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · Photo Sync Triage</title>
<meta name="description" content="The Photo Sync Triage API: cases, suggested steps, tried steps and escalation readiness over JSON.">
</head>
<body>
<noscript>This reference needs JavaScript. The OpenAPI document itself is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</noscript>
<div id="reference"></div>
<script src="/api/docs/scalar.js"></script>
<script src="/api/docs/reference.js"></script>
</body>
</html>
`;

const ACCESSIBLE_COLOURS = `.light-mode {
  --scalar-color-1: #1b1b1b;
  --scalar-color-2: #474747;
  --scalar-color-3: #595959;
  --scalar-color-accent: #005ea6;
  --scalar-color-green: #00704a;
  --scalar-color-blue: #005ea6;
  --scalar-color-orange: #8a4b00;
  --scalar-color-yellow: #735c00;
  --scalar-color-red: #b3261e;
  --scalar-color-purple: #6b3fa0;
}`;

/**
 * Mounts Scalar with everything that would reach another host switched off. (Not on an element with
 * id "api-reference": Scalar auto-mounts an empty reference there.)
 */
export const REFERENCE_SCRIPT = `Scalar.createApiReference("#reference", ${JSON.stringify({
  url: "/api/v1/openapi.json",
  withDefaultFonts: false,
  telemetry: false,
  showDeveloperTools: "never",
  agent: { disabled: true },
  mcp: { disabled: true },
  persistAuth: false,
  hideClientButton: true, // it links to Scalar's hosted client, passing it this document's URL
  // One colour scheme whose contrast we checked (axe, WCAG AA): Scalar's default greys and method
  // colours are too light on white.
  hideDarkModeToggle: true,
  forceDarkModeState: "light",
  customCss: ACCESSIBLE_COLOURS,
  defaultOpenAllTags: false,
  documentDownloadType: "json",
  metaData: { title: "API reference · Photo Sync Triage" },
})});
// Scalar's copy buttons on code blocks have no accessible name (axe: button-name); give them one.
new MutationObserver(() => {
  for (const button of document.querySelectorAll("button.scalar-code-copy:not([aria-label])")) button.setAttribute("aria-label", "Copy to clipboard");
}).observe(document.body, { childList: true, subtree: true });
`;

export const SECURITY_HEADERS = {
  "Content-Security-Policy": REFERENCE_PAGE_CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};
