import Link from "next/link";

const SECTIONS = [
  { href: "/admin/members", label: "Members" },
  { href: "/admin/api-tokens", label: "API tokens" },
  { href: "/admin/rules", label: "Rulebook settings" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

/** The administration sections, with the current one marked for assistive technology. */
export function AdminNav({ current }: { current: (typeof SECTIONS)[number]["href"] }) {
  return (
    <nav aria-label="Administration" className="border-b border-slate-200">
      <ul className="flex flex-wrap gap-1 text-sm">
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link href={section.href} aria-current={section.href === current ? "page" : undefined}
              className={`inline-block rounded-t-md px-3 py-2 ${section.href === current ? "border-b-2 border-blue-700 font-semibold text-blue-900" : "text-slate-700 hover:text-blue-800"}`}>
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
