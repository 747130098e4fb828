// Runs once when the Next.js server starts (in each app instance).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { scheduleHousekeeping } = await import("@/lib/housekeeping/schedule");
  scheduleHousekeeping();
}
