import type { FixHint as FixHintData } from "@/lib/metrics/fix-hints";
import { deviceGroupLabel } from "@/lib/metrics/os-major";

/**
 * "Resolved 41% of 212 similar cases here": how a suggested step went in this tenant on cases with the
 * same platform and OS version as this one's devices. Nothing when no sample is big enough.
 */
export function FixHint({ hints, ruleId }: { hints: readonly FixHintData[]; ruleId: string }) {
  const mine = hints.filter((hint) => hint.ruleId === ruleId);
  if (mine.length === 0) return null;
  return (
    <ul className="mt-2 space-y-0.5 text-sm text-slate-700" data-testid="fix-hint">
      {mine.map((hint) => (
        <li key={`${hint.platform}-${hint.osMajor}`}>
          Resolved {Math.round(hint.rate * 100)}% of {hint.attempts.toLocaleString("en")} similar cases here
          <span className="text-slate-600"> ({deviceGroupLabel(hint.platform, hint.osMajor)})</span>
        </li>
      ))}
    </ul>
  );
}
