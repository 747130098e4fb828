// Formatting shared by server and client components. The server renders exact times in UTC (the
// same text on the server and during hydration); components/time/relative-time.tsx then shows
// relative times in the viewer's own time zone once the page runs in the browser.

const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC",
});

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "—" : `${DATE_TIME.format(date)} UTC`;
}

/** The exact time in a time zone (the browser's own when none is given), with the zone named. */
export function formatZonedDateTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short", timeZone,
  }).format(date);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How a queue reads time: "just now", "12 min ago", "3 h ago", "2 d ago", or "in 5 h" for the
 * future. Past a month the date itself says more ("21 Nov 2026", in the given time zone).
 */
export function relativeTime(iso: string, now: number, timeZone?: string): string {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return "—";
  const diff = at - now;
  const size = Math.abs(diff);
  if (size < 45_000) return "just now";
  let amount: string;
  if (size < HOUR) amount = `${Math.max(1, Math.floor(size / MINUTE))} min`;
  else if (size < DAY) amount = `${Math.floor(size / HOUR)} h`;
  else if (size < 30 * DAY) amount = `${Math.floor(size / DAY)} d`;
  else return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone }).format(at);
  return diff < 0 ? `${amount} ago` : `in ${amount}`;
}

export function problemAge(iso: string, now = Date.now()): string {
  const hours = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 3_600_000));
  if (hours < 24) return `${hours} h`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? "" : "s"}`;
}
