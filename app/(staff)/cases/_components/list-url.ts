// Builds the next list URL from the current one. Any change of view starts again at the first
// page (a cursor belongs to one filter and sort).
export function listHref(current: URLSearchParams, patch: Record<string, string | null>, keepCursor = false): string {
  const next = new URLSearchParams(current);
  if (!keepCursor) next.delete("cursor");
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === "") next.delete(key);
    else next.set(key, value);
  }
  const text = next.toString();
  return text ? `/cases?${text}` : "/cases";
}
