import type { ErrorBody } from "@/lib/errors/error-body";

/** What an escalation form shows after a refused post: the error (with field issues) and what was typed. */
export interface EscalationFormState {
  error: ErrorBody["error"] | null;
  values: Record<string, string>;
}

export const EMPTY_FORM_STATE: EscalationFormState = { error: null, values: {} };

/** The messages for one field (the API's `fields` paths are the form's input names). */
export function fieldErrors(state: EscalationFormState, name: string): string[] {
  return (state.error?.fields ?? []).filter((issue) => issue.path === name).map((issue) => issue.message);
}
