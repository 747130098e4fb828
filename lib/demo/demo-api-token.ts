import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { issueApiToken } from "@/lib/auth/api-tokens";
import { demoApiTokenFile } from "@/lib/demo/demo-api-token-file";
import { withTenant } from "@/lib/tenancy/with-tenant";

// The demo tenant's API token, so a newcomer can call the API at once (README) and the contract
// run in `npm test` has a credential. Generated at seeding like every token (only its hash is in
// the database) and kept in the git-ignored data folder, readable by its owner only: never committed.

const DEMO_API_TOKEN_NAME = "Demo integration";

/** Issues the demo tenant's admin-role API token, created by its admin, and writes the secret to demoApiTokenFile(). */
export async function seedDemoApiToken(tenantId: string, adminUserId: string): Promise<string> {
  const issued = await withTenant(tenantId, (tx) =>
    issueApiToken(tx, tenantId, { name: DEMO_API_TOKEN_NAME, role: "admin", createdById: adminUserId }),
  );
  const file = demoApiTokenFile();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${issued.token}\n`, { mode: 0o600 });
  return file;
}
