import Link from "next/link";
import { can, type Role } from "@/lib/auth/permissions";
import { queueHref } from "@/lib/cases/case-queues";
import { ShortcutsButton } from "@/components/keyboard/keyboard-shortcuts";
import { SignOutButton } from "@/components/sign-out-button";

const ROLE_LABEL: Record<Role, string> = { agent: "Agent", supervisor: "Supervisor", admin: "Admin" };

export function StaffNav({ name, role, tenantName, awaitingReview }: { name: string; role: Role; tenantName: string; awaitingReview: number }) {
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-6 px-6 py-3">
        <Link href="/" className="font-semibold text-slate-900">Photo Sync Triage</Link>
        <ul className="flex gap-4 text-sm">
          {/* "Cases" opens the default view, My open cases; "All cases" is one click away in the views menu. */}
          <li><Link href={queueHref("my-open")} className="text-slate-700 hover:text-blue-700">Cases</Link></li>
          <li><Link href="/cases/new" className="text-slate-700 hover:text-blue-700">New case</Link></li>
          <li>
            <Link href="/escalations" className="text-slate-700 hover:text-blue-700">
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
        <div className="ml-auto flex items-center gap-3 text-sm">
          <ShortcutsButton />
          <span className="text-slate-600">{name} · {ROLE_LABEL[role]} · {tenantName}</span>
          <SignOutButton />
        </div>
      </nav>
    </header>
  );
}
