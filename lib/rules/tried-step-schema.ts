import { z } from "zod";
import { isoDateTime, STEP_OUTCOMES } from "@/lib/facts/schema";
import { RULE_IDS } from "@/lib/rules/rule-ids";

// A tried step as a client records it (SPEC §5) and as the engine reads it.

export const triedStepSchema = z
  .strictObject({
    ruleId: z.enum(RULE_IDS, { error: "Unknown step" }),
    outcome: z.enum(STEP_OUTCOMES, {
      error: "Outcome must be resolved, no change, worse, not applicable or skipped",
    }),
    note: z
      .string({ error: "Note must be text" })
      .trim()
      .max(2000, "Note is too long (2000 characters at most)")
      .nullable()
      .default(null),
    triedAt: isoDateTime("Tried at").nullable().default(null),
  })
  .superRefine((step, ctx) => {
    if (step.outcome === "not_applicable" && !(typeof step.note === "string" && step.note.length > 0)) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: "A reason is needed when a step is marked not applicable",
      });
    }
  });

type TriedStepInput = z.infer<typeof triedStepSchema>;

/** A recorded step as the engine reads it: `triedAt` is always a Date (the service fills "now"). */
export type TriedStep = Omit<TriedStepInput, "triedAt"> & {
  triedAt: Date;
  /** How many recorded attempts this entry stands for (the latest of them); 1 when left out. */
  attempts?: number;
};
