"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import type { FieldIssue } from "@/lib/errors/app-error";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FactsFields } from "@/components/facts-form/facts-fields";
import { draftToFacts, emptyDraft, type FactsDraft } from "@/components/facts-form/draft";
import { errorsByPath, resolveIssues } from "@/components/facts-form/field-errors";
import { createCaseAction } from "@/app/(staff)/cases/new/actions";

export function IntakeForm() {
  const router = useRouter();
  const [draft, setDraft] = useState<FactsDraft>(emptyDraft);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const resolved = useMemo(() => resolveIssues(issues, draft), [issues, draft]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await createCaseAction(draftToFacts(draft)).catch(() => null);
    if (result?.ok) {
      router.push(`/cases/${result.id}`);
      return;
    }
    setPending(false);
    setIssues(result ? (result.error.fields ?? [{ path: "(body)", message: result.error.message }]) : [{ path: "(body)", message: "The case could not be saved: check the connection and try again." }]);
    setAttempt((n) => n + 1);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <ErrorSummary title="The case was not saved. Fix these:" issues={resolved} version={attempt} />
      <FactsFields draft={draft} update={setDraft} errors={errorsByPath(resolved)} />
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending}
          className="rounded-md bg-blue-700 px-5 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60">
          {pending ? "Saving…" : "Save case and see suggestions"}
        </button>
      </div>
    </form>
  );
}
