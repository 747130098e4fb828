/** A download of the table beside it as CSV, from the API with the page's query. */
function CsvLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} download className="inline-flex items-center rounded-md border border-slate-400 px-3 py-1 text-sm text-slate-800 hover:border-blue-600 print:hidden">
      Download CSV<span className="sr-only"> of {label}</span>
    </a>
  );
}

export function SectionHeader({ id, title, description, csv }: { id: string; title: string; description: string; csv?: { href: string; label: string } }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div>
        <h2 id={id} className="text-xl font-semibold">{title}</h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">{description}</p>
      </div>
      {csv ? <CsvLink href={csv.href} label={csv.label} /> : null}
    </div>
  );
}
