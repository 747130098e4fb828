import { createHash } from "node:crypto";
import { notFound } from "@/lib/errors/app-error";
import { validationError } from "@/lib/errors/validation";
import { appendEvents } from "@/lib/cases/case-events";
import type { SavedScreenshot } from "@/lib/cases/schemas/case-response-schemas";
import { detectImageType, SCREENSHOT_TYPES } from "@/lib/cases/image-type";
import { isUuid } from "@/lib/util/uuid";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

// Screenshots of status messages. Stored in the database (tenant-scoped by RLS, covered by backups).

export const MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024;

/** Stores a screenshot after checking its size and its real type (magic bytes) against the declared one. */
export async function saveScreenshot(
  ctx: TenantContext,
  input: { caseId?: string | null; contentType: string; bytes: Uint8Array },
): Promise<SavedScreenshot> {
  const declared = input.contentType.split(";")[0]!.trim().toLowerCase();
  const detected = detectImageType(input.bytes);
  const problems = [];
  if (input.bytes.length === 0) problems.push({ path: "file", message: "The file is empty" });
  else if (input.bytes.length > MAX_SCREENSHOT_BYTES) problems.push({ path: "file", message: "Screenshots can be 5 MB at most" });
  else if (!detected) problems.push({ path: "file", message: `Screenshots must be PNG, JPEG, WebP or HEIC images (${SCREENSHOT_TYPES.join(", ")})` });
  else if (declared !== detected && declared !== "application/octet-stream") {
    problems.push({ path: "contentType", message: `The file is ${detected}, not ${declared}` });
  }
  const caseId = input.caseId ?? null;
  if (caseId !== null && !isUuid(caseId)) problems.push({ path: "caseId", message: "Case not found" });
  if (problems.length > 0 || !detected) throw validationError(problems);

  const { tenantId } = ctx;
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  return withTenant(tenantId, async (tx) => {
    if (caseId !== null) {
      const exists = await tx.case.findUnique({ where: { tenantId_id: { tenantId, id: caseId } }, select: { id: true } });
      if (!exists) throw validationError([{ path: "caseId", message: "Case not found" }]);
    }
    const row = await tx.attachment.create({
      data: { tenantId, caseId, contentType: detected, sizeBytes: input.bytes.length, sha256, data: Buffer.from(input.bytes) },
      select: { id: true },
    });
    if (caseId !== null) {
      await appendEvents(tx, ctx, new Date(), [{ caseId, type: "attachment.added", data: { attachmentId: row.id, contentType: detected } }]);
    }
    return { id: row.id, caseId, contentType: detected, sizeBytes: input.bytes.length, sha256 };
  });
}

export async function getScreenshot(ctx: TenantContext, unverifiedId: string): Promise<{ contentType: string; bytes: Uint8Array; sha256: string }> {
  if (!isUuid(unverifiedId)) throw notFound("Screenshot");
  const { tenantId } = ctx;
  const row = await withTenant(tenantId, (tx) =>
    tx.attachment.findUnique({
      where: { tenantId_id: { tenantId, id: unverifiedId } },
      select: { contentType: true, data: true, sha256: true },
    }),
  );
  if (!row) throw notFound("Screenshot");
  return { contentType: row.contentType, bytes: row.data, sha256: row.sha256 };
}
