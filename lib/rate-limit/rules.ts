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
