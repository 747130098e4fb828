// How strongly a fact points at a rule. Within a category, stronger matches come first.
export const STRENGTH = {
  /** A recorded fact is exactly the known cause (Low Power Mode on, storage below the threshold). */
  cause: 5,
  /** A status message or symptom that this rule addresses was seen. */
  evidence: 3,
  /** Supporting circumstance (large files, several devices). */
  hint: 2,
  /** The fact is unknown: checking it is the step. Also routine diagnostics. */
  unknown: 1,
} as const;
