import type { LimitRule } from "@/lib/rate-limit/limiter";

// The product's limits in one place. Each can be changed with an environment variable (.env.example)
// and is read when used, so a test or an operator can tighten one without a rebuild.

const fromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/** Sign-in attempts per account: consumed before the password is checked, refunded on success. */
export const signInPerAccount = (): LimitRule => ({
  name: "sign-in-account",
  points: fromEnv("LOGIN_MAX_FAILURES_PER_ACCOUNT", 5),
  durationSeconds: 15 * 60,
  blockSeconds: 15 * 60,
});

/** Sign-in attempts per client address (from the socket; see lib/http/client-address.ts). */
export const signInPerAddress = (): LimitRule => ({
  name: "sign-in-address",
  points: fromEnv("LOGIN_MAX_FAILURES_PER_IP", 50),
  durationSeconds: 60 * 60,
  blockSeconds: 60 * 60,
});

/** Requests per API token per minute. */
export const apiTokenRequests = (): LimitRule => ({
  name: "api-token",
  points: fromEnv("API_TOKEN_REQUESTS_PER_MINUTE", 600),
  durationSeconds: 60,
});

/** Requests without valid credentials per client address per minute (token guessing, probing). */
export const anonymousRequests = (): LimitRule => ({
  name: "anonymous",
  points: fromEnv("ANONYMOUS_REQUESTS_PER_MINUTE", 120),
  durationSeconds: 60,
});

// The customer's link (SPEC §7): generous for a person on a phone; a script hammering a link or
// guessing tokens is answered 429 while every other link keeps working.

/** Every customer-link request from one address, counted before the link is looked up (so guesses at tokens count too). */
export const customerRequestsPerAddress = (): LimitRule => ({
  name: "cust-ip",
  points: fromEnv("CUSTOMER_LINK_MAX_REQUESTS_PER_IP", 120),
  durationSeconds: 60,
});

/** Every request on one link, whatever the address. */
export const customerRequestsPerLink = (): LimitRule => ({
  name: "cust-link",
  points: fromEnv("CUSTOMER_LINK_MAX_REQUESTS_PER_LINK", 60),
  durationSeconds: 60,
});

/** Reports on one link: a customer reports a handful of steps a day. */
export const customerReportsPerLink = (): LimitRule => ({
  name: "cust-report",
  points: fromEnv("CUSTOMER_LINK_MAX_REPORTS_PER_HOUR", 30),
  durationSeconds: 60 * 60,
});
