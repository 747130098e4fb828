import { inject } from "vitest";

// Import first in an integration test file: points the app's database client at the test
// database as the application role (RLS applies), before any app code opens a connection.
process.env.APP_DATABASE_URL = inject("appDatabaseUrl");

/** Superuser connection string: bypasses RLS; for setup and assertions only. */
export const adminDatabaseUrl = inject("adminDatabaseUrl");
