"use client";

import { useState } from "react";
import { rotateCustomerLinkAction } from "@/app/(staff)/cases/[id]/actions";

/** Creates or rotates the customer's secret link and shows it once (only its hash is stored). */
export function CustomerLink({ caseId }: { caseId: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [copied, setCopied] = useState(false);

  async function rotate() {
    if (url && !window.confirm("Make a new link? The link you just created will stop working.")) return;
    setPending(true);
    setError(null);
    setCopied(false);
    const result = await rotateCustomerLinkAction(caseId).catch(() => null);
    setPending(false);
    if (result?.ok) setUrl(new URL(result.url, window.location.origin).toString());
    else setError(result?.ok === false ? result.error.message : "Not created: check the connection and try again.");
  }

  return (
    <div className="max-w-md text-sm">
      <button type="button" onClick={() => void rotate()} disabled={pending}
        className="rounded-md border border-blue-700 px-3 py-1.5 font-medium text-blue-800 hover:bg-blue-50 disabled:opacity-60">
        {pending ? "Creating…" : "Create or replace customer link"}
      </button>
      <p className="mt-1 text-xs text-slate-600">A new link replaces any earlier one. It is shown only once.</p>
      <div aria-live="polite">
        {url ? (
          <div className="mt-2 rounded-md border border-emerald-600 bg-emerald-50 p-2">
            <label htmlFor="customer-link-url" className="block font-medium">Customer link (copy it now)</label>
            <div className="mt-1 flex gap-2">
              <input id="customer-link-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()}
                className="w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-xs" />
              <button type="button" className="rounded border border-slate-400 bg-white px-2"
                onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}>
                {copied ? "Copied" : "Copy"}
              </button>
            </div>
          </div>
        ) : null}
        {error ? <p role="alert" className="mt-2 text-red-800">{error}</p> : null}
      </div>
    </div>
  );
}
