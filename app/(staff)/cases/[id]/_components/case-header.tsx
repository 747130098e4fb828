import type { ReactNode } from "react";
import type { CaseView } from "@/lib/cases/view/case-view";
import { CustomerRepliedBadge, StatusBadge } from "@/components/case/badges";
import { RelativeTime } from "@/components/time/relative-time";

/** Who the case is for, where it stands, and how old it is; `actions` slot in on the right. */
export function CaseHeader({ view, actions }: { view: CaseView; actions?: ReactNode }) {
  return (
    <header className="flex flex-wrap items-start justify-between gap-4">
      <div>
        <p className="text-sm text-slate-600">Case {view.displayNumber}</p>
        <h1 className="text-2xl font-semibold">{view.facts.customer.name}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
          <StatusBadge status={view.status} />
          <CustomerRepliedBadge at={view.customerRepliedAt} />
          {view.facts.customer.email ? <span>{view.facts.customer.email}</span> : null}
          <span>· {view.assignee ? `Assigned to ${view.assignee.name}` : "Unassigned"}</span>
          <span>· opened <RelativeTime iso={view.createdAt} /></span>
          <span>· updated <RelativeTime iso={view.updatedAt} /></span>
        </p>
      </div>
      {actions ? <div className="flex flex-wrap items-start gap-3">{actions}</div> : null}
    </header>
  );
}
