import path from "node:path";
import { DATA_DIR } from "@/lib/db/setup/local-secrets";

/** Where the demo tenant's API token secret is kept for a data folder (PST_DATA_DIR or .data); see demo-api-token.ts. */
export function demoApiTokenFile(dataDir: string = DATA_DIR): string {
  return path.join(dataDir, "demo-api-token");
}
