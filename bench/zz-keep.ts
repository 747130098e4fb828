import { prepareBenchDatabase, BENCH_SERVER_SETTINGS } from "./support/bench-database";
import { writeFileSync } from "node:fs";
const db = await prepareBenchDatabase({ bigTenantCases: Number(process.env.N ?? 20000), tenants: 100, otherCases: Number(process.env.N ?? 20000) / 10, settings: BENCH_SERVER_SETTINGS });
console.log(db.seed);
writeFileSync("/tmp/perf-db.json", JSON.stringify({ admin: db.adminUrl, app: db.appUrl, tenant: db.bigTenant.tenantId }));
process.on("SIGTERM", async () => { await db.server.stop(); process.exit(0); });
setInterval(() => {}, 1000);
