import { readFile } from "node:fs/promises";
import path from "node:path";
import { SECURITY_HEADERS } from "../reference-page";

// GET /api/docs/scalar.js — Scalar's standalone bundle, straight from node_modules (pinned in
// package.json), so the reference never loads code from a CDN. Read once per process.
const BUNDLE = path.join(process.cwd(), "node_modules", "@scalar", "api-reference", "dist", "browser", "standalone.js");
let bundle: Promise<Buffer> | undefined;

export async function GET() {
  bundle ??= readFile(BUNDLE).catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return new Response(new Uint8Array(await bundle), {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=86400", ...SECURITY_HEADERS },
  });
}
