import type { RateLimit } from "@/lib/rate-limit/limiter";

// Limits on the customer's link (SPEC §7). Generous for a person on a phone; a script hammering a
// link or guessing tokens is answered 429 while every other link keeps working.
const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export const CUSTOMER_LIMITS = {
  /** Every request from one address (also counts guesses at unknown tokens). */
  perAddress: { name: "cust-ip", points: setting("CUSTOMER_LINK_MAX_REQUESTS_PER_IP", 120), windowSeconds: 60 },
  /** Every request on one link, whatever the address. */
  perLink: { name: "cust-link", points: setting("CUSTOMER_LINK_MAX_REQUESTS_PER_LINK", 60), windowSeconds: 60 },
  /** Reports on one link: a customer reports a handful of steps a day. */
  reportsPerLink: { name: "cust-report", points: setting("CUSTOMER_LINK_MAX_REPORTS_PER_HOUR", 30), windowSeconds: 3600 },
} satisfies Record<string, RateLimit>;
