// HTML for the customer's pages, which are answered by route handlers (they need 404/410/429
// statuses and their own headers, which a Next page cannot set; decision 0020). Every value put
// into a template is escaped unless it is already SafeHtml built by this same tag.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; nested html`` results are kept as they are. */
export function html(strings: TemplateStringsArray, ...values: readonly Part[]): SafeHtml {
  let out = strings[0]!;
  for (let index = 0; index < values.length; index++) out += render(values[index]) + strings[index + 1]!;
  return new SafeHtml(out);
}
