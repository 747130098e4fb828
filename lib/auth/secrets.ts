import { createHash, randomBytes } from "node:crypto";

// Random secrets for API tokens and customer links. Only their SHA-256 is stored, so a
// database leak does not leak working credentials; high entropy makes a slow hash unnecessary.

export function newSecret(prefix: string, bytes = 32): string {
  return `${prefix}_${randomBytes(bytes).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function randomPassword(): string {
  return randomBytes(18).toString("base64url");
}
