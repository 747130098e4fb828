import { isDatabaseUnavailable } from "@/lib/db/errors";
import { runHousekeeping } from "@/lib/housekeeping/purge";

// Every app instance schedules housekeeping; the advisory lock in runHousekeeping lets one run at a time.
const FIRST_RUN_MS = 60_000;
const EVERY_MS = 30 * 60_000;

export function scheduleHousekeeping(): void {
  const run = () => {
    runHousekeeping().then(
      (result) => {
        if (result.ran && result.idempotencyKeys + result.attachments + result.sessions > 0) {
          console.log(`[housekeeping] purged ${result.idempotencyKeys} idempotency keys, ${result.attachments} unattached screenshots, ${result.sessions} expired sessions`);
        }
      },
      (error: unknown) => {
        // An outage is reported elsewhere (health, 503 pages); the next run tries again.
        if (!isDatabaseUnavailable(error)) console.error("[housekeeping] failed", error);
      },
    );
  };
  setTimeout(run, FIRST_RUN_MS).unref();
  setInterval(run, EVERY_MS).unref();
}
