import pg from "pg";

// The application role is created (NOLOGIN) and granted by the migrations; this gives it a
// login password so the product can connect as it. Run with the admin/owner connection.
export const APP_ROLE = "photo_sync_app";

export async function ensureAppRole(adminUrl: string, password: string): Promise<string> {
  if (password.length < 16) throw new Error("The application database password must be at least 16 characters");
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    if (exists.rowCount === 0) {
      throw new Error(`Role ${APP_ROLE} is missing: apply the migrations first (npm run db:migrate)`);
    }
    // ALTER ROLE takes no bind parameters; the password is quoted as a literal by the server's own rules.
    const literal = (await client.query("SELECT quote_literal($1) AS q", [password])).rows[0].q as string;
    // Several instances starting at once (decision 0082) would update the role's catalog row
    // concurrently, which PostgreSQL refuses ("tuple concurrently updated"): take turns.
    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('photo_sync_app role bootstrap'))");
      await client.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${literal}`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}
