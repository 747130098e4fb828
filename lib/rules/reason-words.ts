import { STRENGTH } from "@/lib/rules/strength";
import type { DeviceView, ReasonFragment, RuleMatch } from "@/lib/rules/types";

// Turning matched facts into the words of a reason. Fragments naming devices stay as data until a
// reason is actually shown, so evaluations that only need "does it apply" (readiness) build no text.

/** "a", "a and b", "a, b and c". */
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  if (words.length === 2) return `${words[0]} and ${words[1]}`;
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

function deviceNames(views: readonly DeviceView[]): string {
  // Most cases have one or two devices: skip the intermediate array.
  if (views.length === 1) return views[0]!.label;
  return joinWords(views.map((view) => view.label));
}

/** A reason fragment about devices: `{devices}` in the text becomes "the iPhone and the Mac". */
export function onDevices(text: string, devices: readonly DeviceView[]): ReasonFragment {
  return { text, devices };
}

function renderFragment(fragment: ReasonFragment): string {
  return typeof fragment === "string" ? fragment : fragment.text.replace("{devices}", deviceNames(fragment.devices));
}

/** The reason sentence shown to an agent: the fragments joined, first letter capitalised. */
export function reasonSentence(reasons: readonly ReasonFragment[]): string {
  const sentence = reasons.length === 1 ? renderFragment(reasons[0]!) : joinWords(reasons.map(renderFragment));
  // Apple's names keep their lower-case "i" at the start of a sentence (iCloud, iPhone, iPad).
  if (/^i[A-Z]/.test(sentence)) return sentence;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** Accumulates matched facts; `result()` is null when nothing matched. */
export class MatchCollector {
  private strength = 0;
  private explains = false;
  private readonly reasons: ReasonFragment[] = [];

  add(strength: number, reason: ReasonFragment): this {
    this.strength += strength;
    this.reasons.push(reason);
    return this;
  }

  /** A recorded fact that by itself explains what was observed: the strongest kind of match. */
  explain(reason: ReasonFragment): this {
    this.explains = true;
    return this.add(STRENGTH.explains, reason);
  }

  result(): RuleMatch | null {
    if (this.reasons.length === 0) return null;
    return this.explains ? { strength: this.strength, reasons: this.reasons, explains: true } : { strength: this.strength, reasons: this.reasons };
  }
}
