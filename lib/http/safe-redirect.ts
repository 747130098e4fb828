// Where a `next=` / callback parameter may send the browser: a path on this site, nothing else.
// Browsers treat `//host`, `/\host`, `\\host` and paths with tabs or newlines stripped out of them
// as other sites, so anything but a plain absolute path falls back to the landing page.

const FALLBACK = "/";

/** `raw` when it is a same-origin path ("/cases?status=open"), otherwise "/". */
export function safeNextPath(raw: string | null | undefined, fallback = FALLBACK): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  if (!raw.startsWith("/")) return fallback; // relative paths, schemes (javascript:, https:) and hosts
  if (raw.startsWith("//") || raw.includes("\\")) return fallback; // protocol-relative, and browsers read "\" as "/"
  // Control characters and whitespace are removed or rejected by URL parsers in different ways.
  if (hasControlCharacter(raw)) return fallback;
  // Decoding once must not reveal any of the above either ("/%2F%2Fevil.example").
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return fallback;
  }
  if (decoded.startsWith("//") || decoded.includes("\\") || hasControlCharacter(decoded)) return fallback;
  // Last word to the URL parser: resolved against a placeholder origin it must stay on that origin.
  const base = "http://same-origin.invalid";
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return url.pathname + url.search + url.hash;
}

/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}
