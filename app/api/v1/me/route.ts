import { apiRoute } from "@/app/_server/api-route";
import type { Me } from "@/lib/api/me-schema";
import { getTenantSummary } from "@/lib/tenancy/tenant-summary";
import { ME_OPERATIONS } from "@/lib/api/me-operations";

// GET /api/v1/me — who is calling: the tenant and the actor (user or API token) with its role.
export const GET = apiRoute(ME_OPERATIONS.getMe, async ({ ctx }) => ({ tenant: await getTenantSummary(ctx), actor: ctx.actor }) satisfies Me);
