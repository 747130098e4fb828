import type { CaseStatus } from "@/lib/cases/schemas/case-schemas";
import type { Risk } from "@/lib/rules/categories";
import { RISK_LABELS } from "@/lib/rules/categories";
import { CASE_STATUS_LABELS } from "@/lib/cases/view/status-labels";
import { formatDateTime } from "@/components/case/format";

const RISK_CLASS: Record<Risk, string> = {
  low: "bg-emerald-100 text-emerald-900",
  medium: "bg-amber-100 text-amber-900",
  high: "bg-red-100 text-red-900",
};

export function RiskBadge({ risk }: { risk: Risk }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${RISK_CLASS[risk]}`}>{RISK_LABELS[risk]} risk</span>;
}

const STATUS_CLASS: Record<CaseStatus, string> = {
  open: "bg-blue-100 text-blue-900",
  waiting_on_customer: "bg-amber-100 text-amber-900",
  escalation_review: "bg-purple-100 text-purple-900",
  escalated: "bg-purple-100 text-purple-900",
  resolved: "bg-emerald-100 text-emerald-900",
};

/** A supervisor sent the case back (the reason is on the case). */
export function ReturnedBadge() {
  return <span className="rounded bg-amber-200 px-2 py-0.5 text-xs font-semibold text-amber-950">Returned</span>;
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[status]}`}>{CASE_STATUS_LABELS[status]}</span>;
}

/** The customer reported through their link since staff last acted on the case. */
export function CustomerRepliedBadge({ at }: { at: string | null }) {
  if (!at) return null;
  return (
    <span className="rounded bg-teal-100 px-2 py-0.5 text-xs font-semibold text-teal-900" title={`Customer replied ${formatDateTime(at)}`}>
      Customer replied
    </span>
  );
}
