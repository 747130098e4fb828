import type { CaseView } from "@/lib/cases/view/case-view";
import { rotateCustomerLink } from "@/lib/customer/rotate-customer-link";
import { lookUpCustomerLink } from "@/lib/customer/customer-context";
import { recordCustomerReport } from "@/lib/customer/customer-report";
import type { TenantContext } from "@/lib/tenancy/context";

// The customer's side in the demo: two open cases get a customer link and a report through it
// (made by the real services), so agents see "Customer replied" in the list and on the case, and
// the first link is printed on the console for a newcomer to open as the customer would.

const REPORTS = [
  { outcome: "no_change", note: "Did this last night, the photos are still not on my other device." },
  { outcome: "resolved", note: "That did it, thanks! New photos show up now." },
] as const;

/** Returns the path of the first case's link (its secret exists only now), or null when no case fits. */
export async function seedDemoCustomerLinks(ctx: TenantContext, cases: CaseView[], now: Date): Promise<string | null> {
  const open = cases.filter((view) => view.status !== "resolved" && !view.outage && view.suggestions.length > 1);
  // An iPhone-only case first: the page then shows exactly what a customer on their phone sees.
  const iphoneOnly = open.find((view) => view.facts.devices.every((device) => device.platform === "iphone"));
  const picked = [...new Set([iphoneOnly ?? open[0], open.find((view) => view !== iphoneOnly)])].filter((view) => view !== undefined);
  let printed: string | null = null;
  for (const [index, view] of picked.entries()) {
    const link = await rotateCustomerLink(ctx, view.id, { now });
    const lookup = await lookUpCustomerLink(link.token);
    if (lookup.kind !== "live") throw new Error("The demo customer link was not found right after it was made");
    const report = REPORTS[index % REPORTS.length]!;
    await recordCustomerReport(lookup.ctx, { ruleId: view.suggestions[0]!.ruleId, ...report }, { now });
    printed ??= link.path;
  }
  return printed;
}
