import { prepareBenchDatabase, BENCH_SERVER_SETTINGS } from "./support/bench-database";
const n = Number(process.env.N ?? 100000);
const db = await prepareBenchDatabase({ bigTenantCases: n, tenants: 100, otherCases: n / 10, settings: BENCH_SERVER_SETTINGS });
console.log(JSON.stringify(db.seed));
await db.server.stop(); process.exit(0);
