import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/app/_server/auth-options";
import { SIGN_IN_BODY_LIMIT_BYTES } from "@/lib/http/body-limits";
import { problemFor } from "@/lib/http/problem";
import { readBodyLimited } from "@/lib/http/read-body";

const handler = NextAuth(authOptions);
type RouteContext = { params: Promise<{ nextauth: string[] }> };

// GET/POST /api/auth/* — next-auth's sign-in, sign-out, session and CSRF endpoints.
export const GET = handler;

// POST bodies (the sign-in form) are read here under a small limit, counted while streaming, and
// handed to next-auth as a buffered request: next-auth would otherwise read any size into memory.
export async function POST(request: NextRequest, context: RouteContext): Promise<Response> {
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBodyLimited(request, SIGN_IN_BODY_LIMIT_BYTES);
  } catch (error) {
    const { status, body: problem } = problemFor(error, `POST ${request.nextUrl.pathname}`);
    return Response.json(problem, { status });
  }
  const buffered = new NextRequest(request.url, { method: "POST", headers: request.headers, body });
  return handler(buffered, context);
}
