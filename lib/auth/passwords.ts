import argon2 from "argon2";

// argon2id with OWASP's minimum profile (19 MiB, t=2, p=1): ~40 ms per hash on this hardware.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash when the account does not exist keeps response times alike,
// so timing does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= argon2.hash("decoy-password-for-timing", OPTIONS);
  await verifyPassword(await decoyHash, password);
  return false;
}
