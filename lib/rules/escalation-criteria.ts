// The four escalation criteria of SPEC §4, in the order the readiness checklist shows them.
export const CRITERION_IDS = ["persistence", "steps_exhausted", "packet_complete", "no_outage"] as const;

export type CriterionId = (typeof CRITERION_IDS)[number];

export const CRITERION_LABELS: Record<CriterionId, string> = {
  persistence: "The problem persisted a full day on Wi-Fi, or failures repeat",
  steps_exhausted: "Every applicable low- and medium-risk step was tried",
  packet_complete: "The packet for Apple is complete",
  no_outage: "No Apple outage is recorded",
};

/** What each criterion asks for, for the generated rulebook. */
export const CRITERION_DESCRIPTIONS: Record<CriterionId, string> = {
  persistence:
    "The problem has lasted at least the tenant's escalation hours (default 24 h) since `problemSince` with at least one device on Wi-Fi, or at least the tenant's repeated-failure count (default 3) of failing status observations (Paused, Waiting to Upload, Other) are recorded.",
  steps_exhausted:
    "Every rule that currently applies (not disabled; low or medium risk; `sign-out-icloud` excluded) has a latest step of 'no change' or 'made it worse', or 'not applicable' with a reason. 'Skipped' does not count. Any step recorded as 'resolved' blocks escalation: the case should be closed instead.",
  packet_complete:
    "Every device has its model and OS version, the library size (GB or item count) is recorded, and at least one status message has its exact text or a screenshot.",
  no_outage: "Apple's System Status is not recorded as an outage; during an outage the case waits.",
};
