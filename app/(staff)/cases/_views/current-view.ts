import { CASE_QUEUE_IDS, CASE_QUEUES, queueHref, type CaseQueueId } from "@/lib/cases/list/case-queues";
import { listCasesSchema } from "@/lib/cases/schemas/case-schemas";
import { listQueryFromSearchParams, listQueryToSearchParams } from "@/lib/cases/list/list-query-params";
import type { SavedViewSummary } from "@/lib/saved-views/saved-views";

// Which view the list shows (the `view` URL parameter), and whether its filters were changed since.

const ALL_CASES = { id: "all", label: "All cases", href: "/cases?view=all" } as const;

export type BuiltInView = { id: CaseQueueId | "all"; label: string; description: string; href: string };

export const BUILT_IN_VIEWS: BuiltInView[] = [
  ...CASE_QUEUE_IDS.map((id) => ({ id, label: CASE_QUEUES[id].label, description: CASE_QUEUES[id].description, href: queueHref(id) })),
  { ...ALL_CASES, description: "Every case, newest activity first" },
];

export type CurrentView =
  | { kind: "built-in"; view: BuiltInView; modified: boolean }
  | { kind: "saved"; view: SavedViewSummary; modified: boolean }
  | null;

/** The list URL's filters, sort and hidden columns in one canonical form, for comparing two URLs. */
function canonical(params: URLSearchParams): string {
  const parsed = listCasesSchema.safeParse(listQueryFromSearchParams(params));
  const query = parsed.success ? listQueryToSearchParams({ ...parsed.data, cursor: undefined, limit: 25 }) : new URLSearchParams("invalid");
  const hide = (params.get("hide") ?? "").split(",").filter(Boolean).sort();
  if (hide.length > 0) query.set("hide", hide.join(","));
  query.sort();
  return query.toString();
}

export function currentView(params: URLSearchParams, saved: readonly SavedViewSummary[]): CurrentView {
  const id = params.get("view");
  if (!id) return null;
  const modified = (href: string) => canonical(new URL(href, "http://list").searchParams) !== canonical(params);
  const builtIn = BUILT_IN_VIEWS.find((view) => view.id === id);
  if (builtIn) return { kind: "built-in", view: builtIn, modified: modified(builtIn.href) };
  const view = saved.find((candidate) => candidate.id === id);
  return view ? { kind: "saved", view, modified: modified(view.href) } : null;
}
