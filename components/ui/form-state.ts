import type { ErrorBody } from "@/lib/errors/error-body";
import type { SummaryIssue } from "@/components/ui/error-summary";

// The state a form's server action hands to useActionState (app/_server/handle-form.ts): safe to
// import from client components.

export interface FormState<T = unknown> {
  ok: boolean | null;
  data?: T;
  error?: ErrorBody["error"];
  /** The submitted text fields (every value of a repeated one), passwords excluded (never echoed back). */
  values: Record<string, string[]>;
  /** Increases with every submission, so a repeated failure is announced again. */
  submission: number;
}

export const INITIAL_FORM_STATE: FormState<never> = { ok: null, values: {}, submission: 0 };

/** The messages for one field of a refused form. */
export function fieldErrors(state: FormState<unknown>, path: string): string[] | undefined {
  const messages = state.error?.fields?.filter((issue) => issue.path === path).map((issue) => issue.message);
  return messages && messages.length > 0 ? messages : undefined;
}

/** What was sent in a field of a refused form (to show it again); undefined after a success. */
export function sentValue(state: FormState<unknown>, name: string): string | undefined {
  return state.ok === false ? state.values[name]?.[0] : undefined;
}

/**
 * The issues of a refused form for its ErrorSummary: each field issue linked to its input
 * (`target` maps a service path to the input's id and label), or the message alone.
 */
export function summaryIssues(state: FormState<unknown>, target: (path: string) => { id: string; label: string } | undefined): SummaryIssue[] {
  if (state.ok !== false) return [];
  const fields = state.error?.fields?.length ? state.error.fields : [{ path: "", message: state.error?.message ?? "Not saved" }];
  return fields.map((issue) => {
    const input = target(issue.path);
    return { message: issue.message, targetId: input?.id ?? "", label: input?.label };
  });
}
