import { apiRoute } from "@/app/_server/api-route";
import { getScreenshot } from "@/lib/cases/attachments";
import { CASE_OPERATIONS } from "@/lib/api/case-operations";

// GET /api/v1/attachments/{id} — the screenshot's bytes with their content type (this tenant's only).
export const GET = apiRoute<{ id: string }>(CASE_OPERATIONS.getScreenshot, async ({ ctx, params }) => {
  const file = await getScreenshot(ctx, params.id);
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=3600",
      ETag: `"${file.sha256}"`,
    },
  });
});
