import { describe, expect, it } from "vitest";
import { escapeHtml, html } from "@/app/c/_html/html";
import { problemPageHtml } from "@/app/c/_html/problem-page";

describe("the customer's HTML templates", () => {
  it("escape every value, in text and in attributes, and keep nested templates as they are", () => {
    const note = `"><script>alert('x')</script>&`;
    const out = html`<p title="${note}">${note}${html`<b>${"<i>"}</b>`}${[1, null, false, undefined, "<"]}</p>`.toString();
    expect(out).toBe(`<p title="${escapeHtml(note)}">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;<b>&lt;i&gt;</b>1&lt;</p>`);
    expect(out).not.toContain("<script>");
  });

  it("error pages are complete documents with a language, a title and one h1", () => {
    const page = problemPageHtml(410);
    expect(page.startsWith("<!doctype html><html lang=\"en\">")).toBe(true);
    expect(page.match(/<h1>/g)).toHaveLength(1);
    expect(page).toContain("<title>This link no longer works</title>");
    expect(page).toContain("Ask your support contact for a new link.");
  });
});
