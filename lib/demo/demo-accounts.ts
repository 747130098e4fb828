import type { Role } from "@/lib/tenancy/roles";

// The demo tenant's sign-ins, printed at first start and listed in the README. Only ever
// created on the embedded development database, never on a configured DATABASE_URL.
export const DEMO_TENANT = { name: "Demo Repair Shop", slug: "demo" } as const;
export const DEMO_PASSWORD = "triage-demo-2026";
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "agent@demo.example", name: "Alex Agent", role: "agent" },
  { email: "supervisor@demo.example", name: "Sam Supervisor", role: "supervisor" },
  { email: "admin@demo.example", name: "Ada Admin", role: "admin" },
];
