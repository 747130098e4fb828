"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import type { CaseFacts } from "@/lib/facts/schema";
import type { CaseView } from "@/lib/cases/view/case-view";
import type { FieldIssue } from "@/lib/errors/app-error";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FactsFields } from "@/components/facts-form/facts-fields";
import { draftToFacts, factsToDraft, type FactsDraft } from "@/components/facts-form/draft";
import { errorsByPath, resolveIssues } from "@/components/facts-form/field-errors";
import { FactsSummary } from "@/app/(staff)/cases/[id]/_components/facts-summary";
import { loadLatestCaseAction, updateFactsAction } from "@/app/(staff)/cases/[id]/actions";

const SECTION_LABELS: Record<keyof CaseFacts, string> = {
  customer: "Customer", problemSince: "Problem seen since", appleIdConsistent: "Same Apple ID",
  appleSystemStatus: "Apple system status", library: "Library", icloudStorage: "iCloud storage",
  devices: "Devices", statusMessages: "Status messages", symptoms: "Symptoms",
};

type Conflict = { stage: "stale" } | { stage: "reloaded"; changed: string[]; latest: CaseFacts };

/**
 * The facts, with an editor. The editor remembers the version it was opened on; saving after
 * someone else's change gets a conflict, and nothing typed is lost: "Reload latest" moves the
 * base to the newest version (and says what changed there) while the typed values stay on screen,
 * ready to be saved again on top of it or discarded.
 */
export function FactsPanel({ view, canWrite }: { view: CaseView; canWrite: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [base, setBase] = useState<{ version: number; facts: CaseFacts }>({ version: view.version, facts: view.facts });
  const [draft, setDraft] = useState<FactsDraft>(() => factsToDraft(view.facts));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const resolved = useMemo(() => resolveIssues(issues, draft), [issues, draft]);

  function startEditing() {
    setBase({ version: view.version, facts: view.facts });
    setDraft(factsToDraft(view.facts));
    setIssues([]);
    setConflict(null);
    setNotice(null);
    setEditing(true);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await updateFactsAction(view.id, base.version, draftToFacts(draft)).catch(() => null);
    setPending(false);
    if (result?.ok) {
      setEditing(false);
      setConflict(null);
      setIssues([]);
      setNotice("Facts saved. The suggestions below reflect them.");
      router.refresh();
      return;
    }
    if (result?.ok === false && result.error.code === "conflict") {
      setIssues([]);
      setConflict({ stage: "stale" });
      return;
    }
    setIssues(result?.ok === false ? (result.error.fields ?? [{ path: "(body)", message: result.error.message }]) : [{ path: "(body)", message: "Not saved: check the connection and try again." }]);
    setAttempt((n) => n + 1);
  }

  async function reloadLatest() {
    setPending(true);
    const result = await loadLatestCaseAction(view.id).catch(() => null);
    setPending(false);
    if (!result?.ok) {
      setIssues([{ path: "(body)", message: result?.error.message ?? "Could not load the latest version: try again." }]);
      setAttempt((n) => n + 1);
      return;
    }
    const latest = result.case;
    const changed = (Object.keys(SECTION_LABELS) as (keyof CaseFacts)[])
      .filter((key) => JSON.stringify(base.facts[key]) !== JSON.stringify(latest.facts[key]))
      .map((key) => SECTION_LABELS[key]);
    setBase({ version: latest.version, facts: latest.facts });
    setConflict({ stage: "reloaded", changed, latest: latest.facts });
    router.refresh();
  }

  function discardEdits() {
    if (conflict?.stage === "reloaded") setDraft(factsToDraft(conflict.latest));
    setConflict(null);
  }

  return (
    <section aria-labelledby="facts-title" className="space-y-4">
      <div className="flex items-center justify-between">
        <h2 id="facts-title" className="text-xl font-semibold">Facts</h2>
        {canWrite && !editing ? (
          <button type="button" onClick={startEditing}
            className="rounded-md border border-blue-700 px-3 py-1.5 text-sm font-medium text-blue-800 hover:bg-blue-50">
            Edit facts
          </button>
        ) : null}
      </div>
      <p aria-live="polite" className="text-sm text-emerald-800">{notice}</p>
      {!editing ? (
        <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"><FactsSummary facts={view.facts} /></div>
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Edit facts">
          {conflict ? (
            <div role="alert" className="rounded-md border-2 border-amber-500 bg-amber-50 p-4 text-sm text-amber-950">
              {conflict.stage === "stale" ? (
                <>
                  <p className="font-semibold">This case was changed by someone else since you opened it.</p>
                  <p className="mt-1">Nothing was saved, and everything you typed is still here. Load the latest version, then save your edits on top of it.</p>
                  <button type="button" onClick={() => void reloadLatest()} disabled={pending}
                    className="mt-3 rounded-md bg-amber-700 px-3 py-1.5 font-medium text-white hover:bg-amber-800 disabled:opacity-60">
                    Reload latest
                  </button>
                </>
              ) : (
                <>
                  <p className="font-semibold">The latest version is loaded.</p>
                  <p className="mt-1">
                    {conflict.changed.length ? `Changed by the other edit: ${conflict.changed.join(", ")}. ` : "The other edit did not change the facts. "}
                    Your typed values are kept below: save to re-apply them on top of the latest version, or discard them.
                  </p>
                  <button type="button" onClick={discardEdits}
                    className="mt-3 rounded-md border border-amber-700 px-3 py-1.5 font-medium text-amber-900 hover:bg-amber-100">
                    Discard my edits and use the latest
                  </button>
                </>
              )}
            </div>
          ) : null}
          <ErrorSummary title="The facts were not saved. Fix these:" issues={resolved} version={attempt} />
          <FactsFields draft={draft} update={setDraft} errors={errorsByPath(resolved)} />
          <div className="flex gap-3">
            <button type="submit" disabled={pending || conflict?.stage === "stale"}
              className="rounded-md bg-blue-700 px-5 py-2 font-medium text-white hover:bg-blue-800 disabled:bg-slate-400">
              {pending ? "Saving…" : conflict?.stage === "reloaded" ? "Save my edits on the latest version" : "Save facts"}
            </button>
            <button type="button" onClick={() => { setEditing(false); setConflict(null); }}
              className="rounded-md border border-slate-400 px-4 py-2 text-sm hover:bg-slate-100">
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
