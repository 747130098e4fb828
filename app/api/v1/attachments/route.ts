import { NextResponse } from "next/server";
import { apiRoute } from "@/app/_server/api-route";
import { MAX_SCREENSHOT_BYTES, saveScreenshot } from "@/lib/cases/attachments";
import { readBodyLimited } from "@/lib/http/read-body";
import { validationError } from "@/lib/errors/validation";
import { CASE_OPERATIONS } from "@/lib/api/case-operations";

// Multipart framing adds a little around the file itself.
const MAX_BODY_BYTES = MAX_SCREENSHOT_BYTES + 64 * 1024;

// POST /api/v1/attachments — upload a status-message screenshot (multipart field "file", or the raw image body); 201 { id }.
export const POST = apiRoute(CASE_OPERATIONS.uploadScreenshot, async ({ ctx, request }) => {
  // Counted while streaming: a chunked upload without Content-Length stops at the limit too (413).
  const body = await readBodyLimited(request, MAX_BODY_BYTES);
  const contentType = request.headers.get("content-type") ?? "";
  let upload: { caseId: string | null; contentType: string; bytes: Uint8Array };
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(body, { headers: { "content-type": contentType } }).formData().catch(() => null);
    const file = form?.get("file");
    if (!form || !(file instanceof Blob)) throw validationError([{ path: "file", message: "Send the screenshot in a form field named file" }]);
    const caseId = form.get("caseId");
    upload = { caseId: typeof caseId === "string" && caseId ? caseId : null, contentType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
  } else {
    upload = { caseId: request.nextUrl.searchParams.get("caseId"), contentType, bytes: body };
  }
  return NextResponse.json(await saveScreenshot(ctx, upload), { status: 201 });
});
