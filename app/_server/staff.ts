import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { AppError } from "@/lib/errors/app-error";
import { cache } from "react";
import { assertCan, can, type Permission } from "@/lib/auth/permissions";
import { resolveStaffContext, type StaffContext } from "@/lib/auth/staff-session";
import { readSessionClaims } from "@/app/_server/session-cookie";

// The one helper every staff page, server action and route handler calls: this is where access is
// decided (there is no middleware; layouts only render navigation).

/** The signed-in staff member, re-checked against the database; null when signed out or no longer allowed. */
export const currentStaff = cache(async (): Promise<StaffContext | null> => {
  const claims = await readSessionClaims();
  return claims ? resolveStaffContext(claims) : null;
});

/** For pages: redirects to sign-in when signed out, shows 403 when the role lacks the permission. */
export async function requireStaffPage(permission?: Permission): Promise<StaffContext> {
  let staff: StaffContext | null;
  try {
    staff = await currentStaff();
  } catch (error) {
    // A page cannot set its own status code; the /unavailable route answers 503 and retries.
    if (isDatabaseUnavailable(error)) redirect(`/unavailable?next=${encodeURIComponent(await requestPath())}`);
    throw error;
  }
  if (!staff) redirect(`/sign-in?next=${encodeURIComponent(await requestPath())}`);
  if (permission && !can(staff.actor.role, permission)) redirect("/forbidden");
  return staff;
}

/** For server actions: throws AppError (unauthenticated / forbidden) instead of redirecting. */
export async function requireStaffAction(permission?: Permission): Promise<StaffContext> {
  const staff = await currentStaff();
  if (!staff) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
  if (permission) assertCan(staff.actor.role, permission);
  return staff;
}

/** The path of the page being rendered, as recorded by the HTTP server in front of Next.js (scripts/serve.ts, decision 0050). */
async function requestPath(): Promise<string> {
  return safeNextPath((await headers()).get("x-pst-path"));
}
