import { AppError } from "@/lib/errors/app-error";
import { rateLimiter } from "@/lib/rate-limit/limiter";
import { anonymousRequests } from "@/lib/rate-limit/rules";
import { clientIp } from "@/app/_server/request-info";
import { errorResponse } from "@/app/_server/api-route";

/** For routes anyone may call (health, the 503 page): a 429 response once the address's budget is spent, else null. */
export async function anonymousLimitResponse(request: Request): Promise<Response | null> {
  const decision = await rateLimiter(anonymousRequests()).consume(clientIp(request.headers));
  if (decision.allowed) return null;
  const error = new AppError("rate_limited", `Too many requests from this address. Try again in ${decision.retryAfterSeconds} seconds.`, {
    retryAfterSeconds: decision.retryAfterSeconds,
  });
  return errorResponse(error, `${request.method} ${new URL(request.url).pathname}`);
}
