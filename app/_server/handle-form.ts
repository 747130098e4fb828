import { runAction } from "@/app/(staff)/cases/action-result";
import type { FormState } from "@/components/ui/form-state";

/**
 * Runs a form's server action for useActionState: the outcome, the service's error body (the same
 * as the API's: code, message, field issues) and the values that were sent, so a refused form
 * shows what was typed (React resets uncontrolled fields after an action). Works without
 * JavaScript too: the page re-renders with this state.
 */
export async function handleForm<T>(name: string, previous: FormState<T>, formData: FormData, work: () => Promise<T>): Promise<FormState<T>> {
  const values: Record<string, string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !/password/i.test(key)) (values[key] ??= []).push(value);
  }
  const submission = (previous?.submission ?? 0) + 1;
  const result = await runAction(name, async () => ({ data: await work() }));
  return result.ok ? { ok: true, data: result.data, values, submission } : { ok: false, error: result.error, values, submission };
}
