import { adminDatabaseUrl } from "../support/integration-env";
import { describe, expect, inject, it } from "vitest";
import pg from "pg";
import { ensureAppRole } from "@/lib/db/setup/bootstrap";

// Several instances start at once against one database (decision 0082): each gives the app role
// its password. Concurrent ALTER ROLEs on one catalog row would fail with "tuple concurrently updated".

describe("ensureAppRole", () => {
  it("can run from many starting instances at once, and the role still logs in", async () => {
    const appUrl = new URL(inject("appDatabaseUrl"));
    const password = decodeURIComponent(appUrl.password);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => ensureAppRole(adminDatabaseUrl, password)));
    expect(results.filter((result) => result.status === "rejected").map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
    const client = new pg.Client({ connectionString: appUrl.toString() });
    await client.connect();
    const { rows } = await client.query("SELECT current_user AS role");
    await client.end();
    expect(rows[0].role).toBe("photo_sync_app");
  });
});
