// How strongly a fact points at a rule. Within a category, stronger matches come first.
export const STRENGTH = {
  /**
   * A recorded fact that by itself explains what was observed: the known cause seen together with
   * the symptom it produces (Low Power Mode on the very device that says Paused). Such a match also
   * sets `explains` on the match, which ranks the rule first within its stage (lib/rules/engine.ts).
   */
  explains: 8,
  /** A recorded fact is exactly the known cause (Low Power Mode on, storage below the threshold). */
  cause: 5,
  /** A status message or symptom that this rule addresses was seen. */
  evidence: 3,
  /** Supporting circumstance (large files, several devices). */
  hint: 2,
  /** The fact is unknown: checking it is the step. Also routine diagnostics. */
  unknown: 1,
} as const;
