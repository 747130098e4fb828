import { NextResponse } from "next/server";
import { apiRoute } from "@/app/_server/api-route";
import { customerLinkUrl, rotateCustomerLink } from "@/lib/customer/rotate-customer-link";
import { CASE_OPERATIONS } from "@/lib/api/case-operations";

// POST /api/v1/cases/{id}/customer-link — create or rotate the customer's secret link; 201 with
// { url (absolute, shown once), path, token, createdAt, expiresAt }; the previous link stops working.
export const POST = apiRoute<{ id: string }>(CASE_OPERATIONS.rotateCustomerLink, async ({ ctx, request, params }) => {
  const link = await rotateCustomerLink(ctx, params.id);
  return NextResponse.json({ url: customerLinkUrl(link.path, request.nextUrl.origin), ...link }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
