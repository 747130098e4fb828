// The server Playwright starts: `npm start` on a fresh data folder, so every run begins from
// the same demo data. The data folder is wiped only when E2E_FRESH=1 and it is the e2e folder.
import { rmSync } from "node:fs";
import path from "node:path";

const dataDir = path.resolve(process.env.PST_DATA_DIR ?? "");
if (process.env.E2E_FRESH === "1" && path.basename(dataDir) === "e2e") rmSync(dataDir, { recursive: true, force: true });
await import("./start");
