import { getCustomerCase } from "@/lib/customer/customer-case";
import { customerRoute } from "@/app/_server/customer-route";

// GET /api/c/{token} — the customer's view of their case as JSON (the page's twin).
export const GET = customerRoute("json", async ({ ctx }) => getCustomerCase(ctx));
