"use client";

import { useState, type ReactNode } from "react";

/**
 * A secret that exists only in this answer (an API token, an invitation link, a customer link: only
 * their hashes are stored), shown once in a read-only field with a Copy button. `children` is shown
 * under it (e.g. the customer link's QR code). Give it `key={value}` where a new secret may replace
 * the old one, so "Copied" starts over.
 */
export function CopyOnceField({ id, label, value, children }: { id: string; label: ReactNode; value: string; children?: ReactNode }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-4 rounded-md border border-emerald-600 bg-emerald-50 p-3 text-sm">
      <label htmlFor={id} className="block font-medium">{label}</label>
      <div className="mt-1 flex gap-2">
        <input id={id} readOnly value={value} onFocus={(event) => event.currentTarget.select()}
          className="w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-xs" />
        <button type="button" className="rounded border border-slate-400 bg-white px-2"
          onClick={() => void navigator.clipboard?.writeText(value).then(() => setCopied(true))}>
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      {children}
    </div>
  );
}
