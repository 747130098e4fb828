import path from "node:path";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TENANT } from "@/lib/demo/demo-accounts";
import { demoApiTokenFile } from "@/lib/demo/demo-api-token-file";
import { customerLinkUrl } from "@/lib/customer/rotate-customer-link";
import { seedDemoTenant } from "@/lib/demo/seed-demo";

// First start on the embedded database: a demo tenant so a newcomer sees a working desk at once.
export async function ensureDemoTenant(): Promise<void> {
  const result = await seedDemoTenant();
  if (result.status === "exists") return;
  console.log(`\n[demo] Created the "${DEMO_TENANT.name}" tenant with sample cases. Sign in with:`);
  for (const account of DEMO_ACCOUNTS) console.log(`[demo]   ${account.role.padEnd(10)} ${account.email}  /  ${DEMO_PASSWORD}`);
  console.log(`[demo] An admin-role API token is in ${path.relative(process.cwd(), demoApiTokenFile())} (API reference: /api/docs).`);
  if (result.customerLinkPath) {
    // Shown only now: the database keeps just the link's hash.
    console.log(`[demo] A customer's link to their case (open it on a phone, or replace it on the case page):`);
    console.log(`[demo]   ${customerLinkUrl(result.customerLinkPath, "http://localhost:3000")}`);
  }
  console.log("");
}
