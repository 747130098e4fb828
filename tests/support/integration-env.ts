import { inject } from "vitest";

// Import first in an integration test file: points the app's database client at the test
// database as the application role (RLS applies), before any app code opens a connection.
process.env.APP_DATABASE_URL = inject("appDatabaseUrl");
// Session cookies are minted and read with this secret (tests/support/sessions.ts).
process.env.NEXTAUTH_SECRET ||= "integration-tests-session-secret-0123456789";
// The client address header the HTTP server would set (scripts/serve.ts); tests name it themselves.
process.env.PST_CLIENT_IP_HEADER ||= "x-test-client-ip";
// Limits are the subject of their own tests, which lower them; elsewhere they stay out of the way.
process.env.API_TOKEN_REQUESTS_PER_MINUTE ||= "1000000";
process.env.ANONYMOUS_REQUESTS_PER_MINUTE ||= "1000000";

/** Superuser connection string: bypasses RLS; for setup and assertions only. */
export const adminDatabaseUrl = inject("adminDatabaseUrl");
