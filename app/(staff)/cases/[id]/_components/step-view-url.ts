// Which next steps the case page shows in full, kept in the URL so a shared link opens the same way:
// the first FOCUS_COUNT are always full; `open` lists later ones expanded on demand; `steps=all`
// expands every one.

export const FOCUS_COUNT = 3;

export interface StepView {
  open: ReadonlySet<string>;
  all: boolean;
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function stepViewFrom(searchParams: SearchParams): StepView {
  const open = (first(searchParams.open) ?? "").split(",").map((id) => id.trim()).filter(Boolean).slice(0, 50);
  return { open: new Set(open), all: first(searchParams.steps) === "all" };
}

/** The case page URL with one step expanded or collapsed, or all of them, keeping the rest. */
export function stepViewHref(
  caseId: string,
  view: StepView,
  change: { expand?: string; collapse?: string; all?: boolean; reset?: boolean },
): string {
  const open = new Set(change.reset ? [] : view.open);
  if (change.expand) open.add(change.expand);
  if (change.collapse) open.delete(change.collapse);
  const all = !change.reset && (change.all ?? (change.collapse ? false : view.all));
  const params = new URLSearchParams();
  if (all) params.set("steps", "all");
  else if (open.size > 0) params.set("open", [...open].join(","));
  const query = params.toString();
  return `/cases/${caseId}${query ? `?${query}` : ""}`;
}
