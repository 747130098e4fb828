import { html } from "@/app/c/_html/html";
import { documentHtml } from "@/app/c/_html/document";

// The customer's error pages. None shows case data: an unknown link and a dead one must not
// reveal whether a case exists behind them beyond "this link no longer works".

const PAGES: Record<number, { title: string; lead: string; next: string }> = {
  400: { title: "Something in the form needs another look", lead: "We couldn't use what was sent.", next: "Go back to your case page and try again." },
  403: { title: "This request was refused", lead: "It came from another website, so we didn't act on it.", next: "Open your case link directly and use the buttons there." },
  404: { title: "We can't find this page", lead: "The link may be incomplete or mistyped.", next: "Copy the whole link from your support contact's message, or ask them to send it again." },
  409: { title: "This can't be done right now", lead: "Your case has changed since the page was opened.", next: "Open your case link again to see where things stand." },
  410: { title: "This link no longer works", lead: "Links to a case stop working after a while, and when your support contact sends a new one.", next: "Ask your support contact for a new link." },
  429: { title: "Too many requests", lead: "This link was opened very often in a short time.", next: "Wait a moment, then try again." },
  503: { title: "We can't reach your case right now", lead: "Our system is briefly unavailable.", next: "Try again in a minute." },
  500: { title: "Something went wrong on our side", lead: "We couldn't show this page.", next: "Try again in a minute. If it keeps happening, contact your support contact." },
};

export function problemPageHtml(status: number, detail?: string): string {
  const page = PAGES[status] ?? PAGES[500]!;
  return documentHtml({
    title: page.title,
    body: html`<header class="top"><div class="wrap"><p>Your support case</p><h1>${page.title}</h1></div></header>
<main class="wrap">
<section aria-label="What happened">
<p>${page.lead}</p>
${detail ? html`<p>${detail}</p>` : null}
<p><strong>${page.next}</strong></p>
</section>
</main>`,
  });
}
