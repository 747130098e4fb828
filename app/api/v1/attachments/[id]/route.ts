import { apiRoute } from "@/app/_server/api-route";
import { getScreenshot } from "@/lib/cases/attachments";

// GET /api/v1/attachments/{id} — the screenshot's bytes with their content type (this tenant's only).
export const GET = apiRoute<{ id: string }>("case:read", async ({ ctx, params }) => {
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
