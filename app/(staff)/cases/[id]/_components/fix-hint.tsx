import type { FixHint as FixHintData } from "@/lib/cases/view/fix-hints";
import { deviceGroupLabel } from "@/lib/facts/os-major";

/**
 * "Resolved 41% of 212 similar cases here": how a suggested step went in this tenant on cases with the
 * same platform and OS version as this one's devices. Nothing when no sample is big enough. Compact
 * rows (later steps) show it too, smaller, so a well-proven later step is not hidden by the guide's order.
 */
export function FixHint({ hints, ruleId, compact = false }: { hints: readonly FixHintData[]; ruleId: string; compact?: boolean }) {
  const mine = hints.filter((hint) => hint.ruleId === ruleId);
  if (mine.length === 0) return null;
  return (
    <ul className={compact ? "space-y-0.5 text-xs text-slate-600" : "mt-2 space-y-0.5 text-sm text-slate-700"} data-testid="fix-hint">
      {mine.map((hint) => (
        <li key={`${hint.platform}-${hint.osMajor}`}>
          Resolved {Math.round(hint.rate * 100)}% of {hint.attempts.toLocaleString("en")} similar cases here
          <span className="text-slate-600"> ({deviceGroupLabel(hint.platform, hint.osMajor)})</span>
        </li>
      ))}
    </ul>
  );
}
