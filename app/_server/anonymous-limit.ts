import { AppError } from "@/lib/errors/app-error";
import { memoryLimiter, type Limiter } from "@/lib/rate-limit/limiter";
import { anonymousRequests } from "@/lib/rate-limit/rules";
import { clientIp } from "@/app/_server/request-info";
import { errorResponse } from "@/app/_server/api-route";

// Health checks and the 503 page must answer while the database is away, so they count in memory,
// per app instance, rather than in PostgreSQL like every other limit.
let limiter: { points: number; instance: Limiter } | null = null;

/** For routes anyone may call (health, the 503 page): a 429 response once the address's budget is spent, else null. */
export async function anonymousLimitResponse(request: Request): Promise<Response | null> {
  const rule = anonymousRequests();
  if (limiter?.points !== rule.points) limiter = { points: rule.points, instance: memoryLimiter(rule) };
  const decision = await limiter.instance.consume(clientIp(request.headers));
  if (decision.allowed) return null;
  const error = new AppError("rate_limited", `Too many requests from this address. Try again in ${decision.retryAfterSeconds} seconds.`, {
    retryAfterSeconds: decision.retryAfterSeconds,
  });
  return errorResponse(error, `${request.method} ${new URL(request.url).pathname}`);
}
