import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Secrets the product needs but nobody configured: generated once and kept in the git-ignored
// .data folder, so sessions and the app role's password survive restarts. Environment wins.
export interface LocalSecrets {
  nextAuthSecret: string;
  appDatabasePassword: string;
}

export const DATA_DIR = path.resolve(process.env.PST_DATA_DIR ?? ".data");

export function loadLocalSecrets(dataDir = DATA_DIR): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  const stored: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const secrets: LocalSecrets = {
    nextAuthSecret: stored.nextAuthSecret ?? randomBytes(32).toString("base64url"),
    appDatabasePassword: stored.appDatabasePassword ?? randomBytes(24).toString("base64url"),
  };
  if (secrets.nextAuthSecret !== stored.nextAuthSecret || secrets.appDatabasePassword !== stored.appDatabasePassword) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return {
    nextAuthSecret: process.env.NEXTAUTH_SECRET || secrets.nextAuthSecret,
    appDatabasePassword: process.env.APP_DATABASE_PASSWORD || secrets.appDatabasePassword,
  };
}
