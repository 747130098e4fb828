import type { DeviceView, RuleMatch } from "@/lib/rules/types";

// Small helpers that turn matched facts into the words of a reason.

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

export function deviceNames(views: readonly DeviceView[]): string {
  return joinWords(views.map((view) => view.label));
}

/** The reason sentence shown to an agent: the fragments joined, first letter capitalised. */
export function reasonSentence(reasons: readonly string[]): string {
  const sentence = joinWords(reasons);
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** Accumulates matched facts; `result()` is null when nothing matched. */
export class MatchCollector {
  private strength = 0;
  private readonly reasons: string[] = [];

  add(strength: number, reason: string): this {
    this.strength += strength;
    this.reasons.push(reason);
    return this;
  }

  result(): RuleMatch | null {
    return this.reasons.length === 0 ? null : { strength: this.strength, reasons: this.reasons };
  }
}
