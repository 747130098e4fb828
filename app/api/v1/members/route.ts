import { NextResponse } from "next/server";
import { apiRoute } from "@/app/_server/api-route";
import { readJson } from "@/app/_server/read-json";
import { inviteMember } from "@/lib/members/invite-member";
import { listMembers } from "@/lib/members/list-members";
import { MEMBER_OPERATIONS } from "@/lib/api/member-operations";

// GET /api/v1/members — the tenant's members and pending invitations: { members, invitations }.
export const GET = apiRoute(MEMBER_OPERATIONS.listMembers, async ({ ctx }) => listMembers(ctx));

// POST /api/v1/members — invite { name, email, role }; 201 { invitation, url } (the one-time link, shown once).
export const POST = apiRoute(MEMBER_OPERATIONS.inviteMember, async ({ ctx, request }) =>
  NextResponse.json(await inviteMember(ctx, await readJson(request)), { status: 201, headers: { "Cache-Control": "no-store" } }),
);
