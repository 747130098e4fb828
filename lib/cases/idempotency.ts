import { createHash } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { validationError } from "@/lib/errors/validation";
import type { Prisma } from "@/lib/db/generated/client";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

// Idempotent create (SPEC §5): the key, a hash of the request and the response are stored in the
// same transaction as the case. The key row is claimed first, so a concurrent duplicate waits on
// its primary key until the first commits and then replays the stored answer.

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The Idempotency-Key header: checked here and described by the OpenAPI document. */
export const idempotencyKeyHeaderSchema = z
  .string()
  .regex(KEY_PATTERN)
  .max(200)
  .meta({ description: "Any 1 to 200 visible ASCII characters, unique per intended case (a UUID works well)", example: "crm-ticket-58213" });

export function checkIdempotencyKey(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  if (!idempotencyKeyHeaderSchema.safeParse(key).success) {
    throw validationError([{ path: "Idempotency-Key", message: "Idempotency-Key must be 1 to 200 visible ASCII characters" }]);
  }
  return key;
}

/** A hash of the request body that ignores key order and whitespace. */
export function requestHash(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, inner]) => `${JSON.stringify(k)}:${canonicalJson(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export type IdempotencyClaim = { kind: "claimed" } | { kind: "replay"; status: number; body: unknown };

export async function claimIdempotencyKey(tx: TenantTx, tenantId: string, key: string, hash: string): Promise<IdempotencyClaim> {
  // Status 0 marks "in progress"; no other transaction ever sees it, because completion commits with the claim.
  const inserted = await tx.$executeRaw`
    INSERT INTO "IdempotencyKey" ("tenantId", "key", "requestHash", "responseStatus", "responseBody")
    VALUES (${tenantId}::uuid, ${key}, ${hash}, 0, '{}'::jsonb)
    ON CONFLICT ("tenantId", "key") DO NOTHING`;
  if (inserted === 1) return { kind: "claimed" };
  const stored = await tx.idempotencyKey.findUnique({ where: { tenantId_key: { tenantId, key } } });
  if (!stored) throw new AppError("conflict", "Idempotency-Key is being used by another request; retry");
  if (stored.requestHash !== hash) {
    throw new AppError("conflict", "Idempotency-Key reused with a different request", { idempotencyKey: key });
  }
  return { kind: "replay", status: stored.responseStatus, body: stored.responseBody };
}

export async function completeIdempotencyKey(tx: TenantTx, tenantId: string, key: string, status: number, body: Prisma.InputJsonValue): Promise<void> {
  await tx.idempotencyKey.update({
    where: { tenantId_key: { tenantId, key } },
    data: { responseStatus: status, responseBody: body },
  });
}
