import Link from "next/link";
import { can, type Role } from "@/lib/auth/permissions";
import { queueHref } from "@/lib/cases/case-queues";
import { ShortcutsButton } from "@/components/keyboard/keyboard-shortcuts";
import { SignOutButton } from "@/components/sign-out-button";

const ROLE_LABEL: Record<Role, string> = { agent: "Agent", supervisor: "Supervisor", admin: "Admin" };

export function StaffNav({ name, role, tenantName }: { name: string; role: Role; tenantName: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-6 px-6 py-3">
        <Link href="/" className="font-semibold text-slate-900">Photo Sync Triage</Link>
        <ul className="flex gap-4 text-sm">
          {/* "Cases" opens the default view, My open cases; "All cases" is one click away in the views menu. */}
          <li><Link href={queueHref("my-open")} className="text-slate-700 hover:text-blue-700">Cases</Link></li>
          <li><Link href="/cases/new" className="text-slate-700 hover:text-blue-700">New case</Link></li>
          {can(role, "escalation:review") ? (
            <li><Link href={queueHref("ready-to-escalate")} className="text-slate-700 hover:text-blue-700">Ready to escalate</Link></li>
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
