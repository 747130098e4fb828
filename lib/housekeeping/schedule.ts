import { isDatabaseUnavailable } from "@/lib/db/errors";
import { runHousekeeping } from "@/lib/housekeeping/purge";
import { refreshStaleWeeks } from "@/lib/housekeeping/refresh-weeks";

// Every app instance schedules housekeeping; each job's advisory lock lets one instance at a time run it.
const FIRST_RUN_MS = 60_000;
const PURGE_EVERY_MS = 30 * 60_000;
// Stale weeks appear when a week closes (Monday 00:00 UTC) and after late or imported status changes;
// a run with nothing to do is one small query, so refresh more often than the
// purge: supervisors then rarely meet a stale week (decision 0044).
const REFRESH_WEEKS_EVERY_MS = 5 * 60_000;

export function scheduleHousekeeping(): void {
  const purge = () => {
    runHousekeeping().then((result) => {
      if (result.ran && result.idempotencyKeys + result.attachments + result.sessions > 0) {
        console.log(`[housekeeping] purged ${result.idempotencyKeys} idempotency keys, ${result.attachments} unattached screenshots, ${result.sessions} expired sessions`);
      }
    }, reportFailure);
  };
  const refreshWeeks = () => {
    refreshStaleWeeks().then((result) => {
      if (result.ran && result.weeks > 0) console.log(`[housekeeping] refreshed ${result.weeks} stale weekly figures${result.moreLeft ? " (more left for the next run)" : ""}`);
    }, reportFailure);
  };
  setTimeout(purge, FIRST_RUN_MS).unref();
  setInterval(purge, PURGE_EVERY_MS).unref();
  setTimeout(refreshWeeks, FIRST_RUN_MS + 15_000).unref();
  setInterval(refreshWeeks, REFRESH_WEEKS_EVERY_MS).unref();
}

function reportFailure(error: unknown): void {
  // An outage is reported elsewhere (health, 503 pages); the next run tries again.
  if (!isDatabaseUnavailable(error)) console.error("[housekeeping] failed", error);
}
