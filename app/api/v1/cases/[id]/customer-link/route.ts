import { NextResponse } from "next/server";
import { apiRoute } from "@/app/_server/api-route";
import { rotateCustomerLink } from "@/lib/cases/customer-link";

// POST /api/v1/cases/{id}/customer-link — create or rotate the customer's secret link; 201 { url, token }.
export const POST = apiRoute<{ id: string }>("case:write", async ({ ctx, params }) =>
  NextResponse.json(await rotateCustomerLink(ctx, params.id), { status: 201, headers: { "Cache-Control": "no-store" } }),
);
