"use client";

import { QRCodeSVG } from "qrcode.react";
import { useActionState, useState } from "react";
import type { CaseView } from "@/lib/cases/view/case-view";
import { formatDateTime } from "@/components/case/format";
import { CopyOnceField } from "@/components/ui/copy-once-field";
import { rotateCustomerLinkAction } from "@/app/(staff)/cases/[id]/actions";

/**
 * The customer's secret link: create it, or replace it after a confirmation (the old link dies at
 * once). The new link is shown once — only its hash is stored — with a copy button and a QR code
 * for handing it to a phone across the counter.
 */
export function CustomerLink({ caseId, link }: { caseId: string; link: CaseView["customerLink"] }) {
  const [result, rotate, pending] = useActionState(rotateCustomerLinkAction.bind(null, caseId), null);
  const [confirming, setConfirming] = useState(false);
  // When this panel first rendered: whether the link has expired is judged once, not on every render.
  const [shownAt] = useState(() => Date.now());
  const issued = result?.ok ? result : null;
  const url = issued && typeof window !== "undefined" ? new URL(issued.path, window.location.origin).toString() : null;
  const current = issued ? { expiresAt: issued.expiresAt } : link;
  const expired = current !== null && new Date(current.expiresAt).getTime() <= shownAt;

  return (
    <section aria-labelledby="customer-link-title" className="max-w-md rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
      <h2 id="customer-link-title" className="font-semibold">Customer link</h2>
      <p className="mt-1 text-slate-700">
        {current === null
          ? "No link yet. The customer follows their steps and reports back through it."
          : expired
            ? `The link expired on ${formatDateTime(current.expiresAt)}.`
            : `A link works until ${formatDateTime(current.expiresAt)}.`}
      </p>
      <form action={rotate} onSubmit={() => setConfirming(false)} className="mt-2">
        {confirming ? (
          <div role="alertdialog" aria-labelledby="rotate-question" className="rounded-md border border-amber-500 bg-amber-50 p-2">
            <p id="rotate-question" className="font-medium">Replace the link? The current link stops working at once.</p>
            <div className="mt-2 flex gap-2">
              <button type="submit" className="rounded-md bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800">Yes, replace the link</button>
              <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-400 px-3 py-1.5">Cancel</button>
            </div>
          </div>
        ) : current !== null ? (
          <button type="button" onClick={() => setConfirming(true)} disabled={pending}
            className="rounded-md border border-blue-700 px-3 py-1.5 font-medium text-blue-800 hover:bg-blue-50 disabled:opacity-60">
            {pending ? "Replacing…" : "Replace customer link"}
          </button>
        ) : (
          <button type="submit" disabled={pending}
            className="rounded-md border border-blue-700 px-3 py-1.5 font-medium text-blue-800 hover:bg-blue-50 disabled:opacity-60">
            {pending ? "Creating…" : "Create customer link"}
          </button>
        )}
      </form>
      <div aria-live="polite">
        {url ? (
          <CopyOnceField key={url} id="customer-link-url" value={url}
            label="New link (shown only now: copy it or let the customer scan the code)">
            <figure className="mt-3 w-fit rounded bg-white p-2">
              <QRCodeSVG value={url} size={176} marginSize={2} title="QR code of the customer link" />
              <figcaption className="mt-1 text-xs text-slate-700">Scan with the customer's phone camera</figcaption>
            </figure>
          </CopyOnceField>
        ) : null}
        {result && !result.ok ? <p role="alert" className="mt-2 text-red-800">{result.error.message}</p> : null}
      </div>
    </section>
  );
}
