"use client";

/** Opens the browser's print dialog (the page's print stylesheet decides what is printed). */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()}
      className="rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100">
      {label}
    </button>
  );
}
