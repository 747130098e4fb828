"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime, formatZonedDateTime, problemAge, relativeTime } from "@/components/case/format";

// Times as a queue reads them ("3 h ago", "in 5 h"), with the exact time in the viewer's time zone
// on hover (title). The server cannot know the viewer's clock or zone, so it renders the exact UTC
// time; React hydrates with that same text (the server snapshot below is null) and re-renders with
// the relative time right after. No hydration mismatch, and no JS still shows a correct time.

const TICK_MS = 30_000;

function subscribe(onChange: () => void): () => void {
  const timer = setInterval(onChange, TICK_MS);
  return () => clearInterval(timer);
}
// Rounded to the minute so the snapshot is stable between ticks (useSyncExternalStore compares it).
const clientNow = () => Math.floor(Date.now() / 60_000) * 60_000;
const serverNow = () => null;

/** The current minute in the browser; null on the server and while hydrating. */
function useMinuteClock(): number | null {
  return useSyncExternalStore(subscribe, clientNow, serverNow);
}

export function RelativeTime({ iso, className }: { iso: string | null | undefined; className?: string }) {
  const now = useMinuteClock();
  if (!iso) return <span className={className}>—</span>;
  if (now === null) return <time dateTime={iso} title={formatDateTime(iso)} className={className}>{formatDateTime(iso)}</time>;
  return <time dateTime={iso} title={formatZonedDateTime(iso)} className={className}>{relativeTime(iso, now)}</time>;
}

/** How long a problem has lasted ("3 h", "2 days"), exact start on hover; same hydration rule. */
export function ProblemAge({ since }: { since: string }) {
  const now = useMinuteClock();
  if (now === null) return <time dateTime={since} title={formatDateTime(since)}>{formatDateTime(since)}</time>;
  return <time dateTime={since} title={`Since ${formatZonedDateTime(since)}`}>{problemAge(since, now)}</time>;
}
