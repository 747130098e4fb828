import { NextResponse } from "next/server";
import { databaseHealth } from "@/lib/db/health";
import { anonymousLimitResponse } from "@/app/_server/anonymous-limit";

export const dynamic = "force-dynamic";

// GET /api/health — 200 when the database answers, 503 when it does not (for load balancers and the 503 page).
export async function GET(request: Request) {
  const limited = await anonymousLimitResponse(request);
  if (limited) return limited;
  const health = await databaseHealth();
  return NextResponse.json(health, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
