import { getCustomerCase } from "@/lib/customer/customer-case";
import { customerRoute } from "@/app/_server/customer-route";
import { CUSTOMER_OPERATIONS } from "@/lib/api/customer-operations";

// GET /api/c/{token} — the customer's view of their case as JSON (the page's twin).
export const GET = customerRoute(CUSTOMER_OPERATIONS.getCustomerCase, async ({ ctx }) => getCustomerCase(ctx));
