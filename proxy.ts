import { NextResponse, type NextRequest } from "next/server";

// Convenience only: records the requested path for redirects back after sign-in or an outage.
// Access is decided in each page, action and route handler (app/_server/staff.ts), never here.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-pst-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/|api/|favicon.ico|unavailable|sign-in).*)"],
};
