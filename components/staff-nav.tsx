import Link from "next/link";
import { can, type Permission } from "@/lib/auth/permissions";
import { ROLE_LABELS, type Role } from "@/lib/tenancy/roles";
import { queueHref } from "@/lib/cases/list/case-queues";
import { ShortcutsButton } from "@/components/keyboard/keyboard-shortcuts";
import { SignOutButton } from "@/components/sign-out-button";

// Administration pages, each shown to the roles its page lets in (the pages check again).
const ADMIN_LINKS: ReadonlyArray<{ href: string; label: string; permission: Permission }> = [
  { href: "/admin/members", label: "Members", permission: "users:manage" },
  { href: "/admin/api-tokens", label: "API tokens", permission: "api_tokens:manage" },
  { href: "/admin/rules", label: "Rulebook", permission: "rules:configure" },
  { href: "/admin/audit", label: "Audit log", permission: "audit:read" },
];

const linkClass = "text-slate-700 hover:text-blue-700";

export function StaffNav({ name, role, tenantName, awaitingReview, canSwitchTenant }: {
  name: string;
  role: Role;
  tenantName: string;
  awaitingReview: number;
  canSwitchTenant: boolean;
}) {
  const adminLinks = ADMIN_LINKS.filter((link) => can(role, link.permission));
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3">
        <Link href="/" className="font-semibold text-slate-900">Photo Sync Triage</Link>
        <ul className="flex gap-4 text-sm">
          {/* "Cases" opens the default view, My open cases; "All cases" is one click away in the views menu. */}
          <li><Link href={queueHref("my-open")} className={linkClass}>Cases</Link></li>
          <li><Link href="/cases/new" className={linkClass}>New case</Link></li>
          <li>
            <Link href="/escalations" className={linkClass}>
              Escalations{" "}
              {awaitingReview > 0 ? (
                <span className={`ml-1.5 rounded-full px-2 py-0.5 text-xs font-semibold ${can(role, "escalation:review") ? "bg-purple-700 text-white" : "bg-slate-200 text-slate-900"}`}>
                  {awaitingReview}<span className="sr-only"> awaiting review</span>
                </span>
              ) : null}
            </Link>
          </li>
          {can(role, "metrics:read") ? (
            <li><Link href="/metrics" className="text-slate-700 hover:text-blue-700">Metrics</Link></li>
          ) : null}
          {/* A route handler, not a page: a plain link, no client-side navigation. */}
          <li><a href="/api/docs" className="text-slate-700 hover:text-blue-700">API reference</a></li>
        </ul>
        {adminLinks.length > 0 ? (
          <ul aria-label="Administration" className="flex gap-4 border-l border-slate-200 pl-4 text-sm">
            {adminLinks.map((link) => <li key={link.href}><Link href={link.href} className={linkClass}>{link.label}</Link></li>)}
          </ul>
        ) : null}
        <div className="ml-auto flex items-center gap-3 text-sm">
          <ShortcutsButton />
          <span className="text-slate-600">{name} · {ROLE_LABELS[role]} · {tenantName}</span>
          {canSwitchTenant ? <Link href="/tenants" className={linkClass}>Switch organisation</Link> : null}
          <Link href="/account/password" className={linkClass}>Password</Link>
          <SignOutButton />
        </div>
      </nav>
    </header>
  );
}
