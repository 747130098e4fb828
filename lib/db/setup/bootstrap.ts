import pg from "pg";

// The application role is created (NOLOGIN) and granted by the migrations; the first start gives it
// a login password so the product can connect as it. After that nothing changes it: a second
// `npm start`, `tenant:create` or a test run connects with the password it was given, and refuses
// clearly if that password does not work, instead of resetting the password a running deployment
// uses. Run with the admin/owner connection.
const APP_ROLE = "photo_sync_app";

export async function ensureAppRole(adminUrl: string, password: string): Promise<string> {
  if (password.length < 16) throw new Error("The application database password must be at least 16 characters");
  const appUrl = new URL(adminUrl);
  appUrl.username = APP_ROLE;
  appUrl.password = password;

  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolcanlogin: boolean }>("SELECT rolcanlogin FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    const role = rows[0];
    if (!role) throw new Error(`Role ${APP_ROLE} is missing: apply the migrations first (npm run db:migrate)`);
    if (role.rolcanlogin) {
      if (await passwordWorks(appUrl.toString())) return appUrl.toString();
      throw new Error(
        `The ${APP_ROLE} database role already has a different password, which a running deployment may be using; ` +
          `it was left unchanged. Use the same APP_DATABASE_PASSWORD (or the same data folder's secrets.json), or set ` +
          `APP_DATABASE_URL. To change the password on purpose, run ALTER ROLE ${APP_ROLE} PASSWORD '…' as the database owner.`,
      );
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
  return appUrl.toString();
}

async function passwordWorks(url: string): Promise<boolean> {
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await probe.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "28P01") return false; // password authentication failed
    throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }
}
