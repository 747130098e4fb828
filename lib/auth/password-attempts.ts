import { rateLimiter } from "@/lib/rate-limit/limiter";
import { signInPerAccount, signInPerAddress } from "@/lib/rate-limit/rules";

// Every check of a password (sign-in, changing one's own password, accepting an invitation with an
// existing account) counts against the same per-account and per-address budgets. The attempt is
// consumed before the password is checked, so a parallel burst cannot get more guesses than the
// budget, and given back when the password was right. Decision 0051.

export type PasswordAttempt =
  | { allowed: false; retryAfterSeconds: number }
  | { allowed: true; /** The password was right: the attempt does not count. */ succeeded(): Promise<void> };

export async function beginPasswordAttempt(email: string, ip: string): Promise<PasswordAttempt> {
  const byAccount = rateLimiter(signInPerAccount());
  const byAddress = rateLimiter(signInPerAddress());
  const [account, address] = await Promise.all([byAccount.consume(email), byAddress.consume(ip)]);
  if (!account.allowed || !address.allowed) {
    return { allowed: false, retryAfterSeconds: Math.max(account.allowed ? 0 : account.retryAfterSeconds, address.allowed ? 0 : address.retryAfterSeconds) };
  }
  return {
    allowed: true,
    succeeded: async () => {
      await Promise.all([byAccount.reset(email), byAddress.refund(ip)]);
    },
  };
}
