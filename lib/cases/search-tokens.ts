import type { CaseFacts } from "@/lib/facts/schema";
import { displayCaseNumber } from "@/lib/cases/case-number";

// Text search over the case list is word-prefix search on a token table (CaseSearchToken), see
// docs/decisions/0006-text-search-under-rls.md. Under row-level security PostgreSQL only runs
// LEAKPROOF operators ahead of the policy, and of the text operators only the comparisons
// (=, <, <=, >=, >) are; LIKE and the trigram operators are not, so a LIKE search full-scans.
// A prefix is a range instead: token >= word AND token < prefixUpperBound(word), a btree range scan.

/** Longest token stored (and longest query word used), in code points. */
export const MAX_TOKEN_LENGTH = 64;
/** At most this many tokens per case (the first ones: name, email, number, models). */
export const MAX_TOKENS_PER_CASE = 200;
/** At most this many words of a query are searched for; the rest are ignored. */
const MAX_QUERY_WORDS = 8;

/**
 * Words of a text for search: lower-cased, NFKD-decomposed with diacritics (combining marks)
 * removed, split on anything that is not a Unicode letter or digit, each capped at
 * MAX_TOKEN_LENGTH code points. "María.García@Example.com" → maria, garcia, example, com.
 */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "")
    .map((word) => capCodePoints(word, MAX_TOKEN_LENGTH));
}

/**
 * The tokens a case is found by: the customer's name and email, every device model and the case
 * number ("PST-1042" → "pst", "1042"). Unique, in first-seen order, at most MAX_TOKENS_PER_CASE.
 */
export function searchTokensOf(facts: CaseFacts, caseNumber: number): string[] {
  const texts = [
    facts.customer.name,
    facts.customer.email ?? "",
    displayCaseNumber(caseNumber),
    ...facts.devices.map((device) => device.model ?? ""),
  ];
  return [...new Set(texts.flatMap(wordsOf))].slice(0, MAX_TOKENS_PER_CASE);
}

/**
 * The words of a search query, normalised like the tokens: unique, at most MAX_QUERY_WORDS, and
 * without a word that is a prefix of another query word (its condition is implied by the longer
 * one). An empty or punctuation-only query has no words (and filters nothing).
 */
export function searchWordsOf(q: string): string[] {
  const unique = [...new Set(wordsOf(q))];
  const kept = unique.filter((word) => !unique.some((other) => other !== word && other.startsWith(word)));
  return kept.slice(0, MAX_QUERY_WORDS);
}

/**
 * The smallest string greater than every string that starts with `word`, in byte order (the
 * token column's COLLATE "C"), so `token >= word AND token < bound` is exactly "token starts
 * with word". Null when there is none (every code point of `word` is U+10FFFF): then `>= word`
 * alone is the range.
 *
 * Why incrementing the last code point is exact under "C": C compares the UTF-8 bytes, and UTF-8
 * preserves code-point order and no character's encoding is a prefix of another's, so byte order
 * is code-point order, character by character. Every string starting with `word` agrees with the
 * bound up to the last character and is smaller there; any string t with word <= t < bound must
 * share word's characters before the last one and have exactly word's last code point there (no
 * code point lies between c and c + 1), i.e. start with `word`. Under a linguistic collation
 * (en_US etc.) this fails: order ignores case/accents/punctuation at first level, so strings not
 * starting with the prefix can sort inside the range and some that do can sort outside it.
 */
export function prefixUpperBound(word: string): string | null {
  const codePoints = Array.from(word, (char) => char.codePointAt(0)!);
  while (codePoints.length > 0) {
    const last = codePoints.pop()!;
    if (last < 0x10ffff) {
      // Surrogates are not characters (and not valid in UTF-8): the next one after U+D7FF is U+E000.
      const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
      return String.fromCodePoint(...codePoints, next);
    }
    // U+10FFFF cannot be incremented: the bound is the shorter prefix's bound.
  }
  return null;
}

function capCodePoints(word: string, max: number): string {
  if (word.length <= max) return word; // UTF-16 length ≥ code points
  return Array.from(word).slice(0, max).join("");
}
