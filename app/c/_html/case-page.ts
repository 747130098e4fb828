import type { FieldIssue } from "@/lib/errors/app-error";
import { CUSTOMER_NOTE_MAX } from "@/lib/customer/customer-report";
import type { CustomerCaseView, CustomerStep, CustomerText, CustomerTriedStep } from "@/lib/customer/customer-view-schema";
import { documentHtml } from "@/app/c/_html/document";
import { html, type SafeHtml } from "@/app/c/_html/html";

// The customer's page (SPEC §7): where things stand, what to try next (a few steps, each with
// "It worked" / "Didn't help" and an optional note), what applies to be careful about, what the
// messages they saw mean, and what has been tried. Headings and labels for screen readers.

export interface CasePageState {
  /** The step a report was just recorded for (after the redirect), to thank the customer. */
  thanks?: { title: string; outcome: "resolved" | "no_change" } | null;
  /** A refused report: the step it was for, what was typed, and why. */
  refused?: { ruleId: string; note: string; issues: FieldIssue[] } | null;
}

const dateOnly = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const day = (iso: string) => html`<time datetime="${iso}">${dateOnly.format(new Date(iso))}</time>`;

export function casePageHtml(view: CustomerCaseView, action: string, state: CasePageState = {}): string {
  return documentHtml({
    title: `Case ${view.caseNumber} · ${view.supportName}`,
    body: html`<header class="top"><div class="wrap"><p>${view.supportName}</p><h1>Your case ${view.caseNumber}</h1></div></header>
<main class="wrap">
${state.thanks ? thanksNotice(state.thanks) : null}
${state.refused ? html`<div class="alert" role="alert"><p><strong>Your report wasn't sent.</strong> ${state.refused.issues.map((issue) => issue.message).join(" ")}</p></div>` : null}
${statusSection(view)}
${nextSection(view, action, state.refused ?? null)}
${view.warnings.length > 0 ? html`<section aria-labelledby="careful-title"><h2 id="careful-title">Good to know</h2>${cautions(view.warnings)}</section>` : null}
${messagesSection(view)}
${triedSection(view.tried)}
</main>
<footer class="wrap"><p>This page is only for you: please don't share its address. It works until ${day(view.linkExpiresAt)}.</p></footer>`,
  });
}

function thanksNotice(thanks: NonNullable<CasePageState["thanks"]>): SafeHtml {
  const said = thanks.outcome === "resolved" ? "worked" : "didn't help";
  return html`<div class="notice" role="status" id="reported"><p><strong>Thank you.</strong> We've let your support agent know that “${thanks.title}” ${said}.${
    thanks.outcome === "resolved" ? " They will confirm with you before closing your case." : ""
  }</p></div>`;
}

function statusSection(view: CustomerCaseView): SafeHtml {
  return html`<section aria-labelledby="status-title"><h2 id="status-title">Where things stand</h2>
<p class="status">${view.statusTitle}</p>
<p>${view.statusExplanation}</p>
${view.appleCaseNumber ? html`<p class="apple">Apple Support case number: <strong>${view.appleCaseNumber}</strong></p>` : null}
${view.devices.length > 0 ? html`<p class="meta">Your devices in this case: ${view.devices.join(", ")}</p>` : null}
</section>`;
}

function nextSection(view: CustomerCaseView, action: string, refused: CasePageState["refused"]): SafeHtml | null {
  if (view.status === "resolved") return null;
  return html`<section id="next" aria-labelledby="next-title"><h2 id="next-title">What to try next</h2>
${view.outage ? html`<p class="caution"><strong>Apple's service has a problem right now.</strong> Other steps wait until it is fixed.</p>` : null}
${
  view.nextSteps.length === 0
    ? html`<p>There's nothing for you to try right now. Your support agent will be in touch.</p>`
    : html`<p>Try these in order. After each one, tell us how it went.</p>
<ol class="steps">${view.nextSteps.map((step, index) => html`<li>${stepCard(step, index + 1, action, view.canReport, refused?.ruleId === step.ruleId ? refused : null)}</li>`)}</ol>`
}
${view.laterStepCount > 0 ? html`<p class="meta">${view.laterStepCount === 1 ? "One more step" : `${view.laterStepCount} more steps`} may follow; they will show here as you go.</p>` : null}
</section>`;
}

function stepCard(step: CustomerStep, position: number, action: string, canReport: boolean, refused: CasePageState["refused"]): SafeHtml {
  const id = `step-${step.ruleId}`;
  const noteError = refused?.issues.find((issue) => issue.path === "note");
  return html`<article aria-labelledby="${id}">
<h3 id="${id}">${position}. ${step.title}</h3>
${step.checkWithUsFirst ? html`<p class="caution"><strong>Please check with your support agent before doing this.</strong></p>` : null}
<ol>${step.instructions.map((line) => html`<li>${line}</li>`)}</ol>
${step.warnings.length > 0 ? cautions(step.warnings) : null}
${
  canReport
    ? html`<form method="post" action="${action}" aria-labelledby="${id}">
<input type="hidden" name="ruleId" value="${step.ruleId}">
<label for="note-${step.ruleId}">Add a note for your agent (optional)</label>
<textarea id="note-${step.ruleId}" name="note" rows="2" maxlength="${CUSTOMER_NOTE_MAX}" aria-describedby="hint-${step.ruleId}${noteError ? ` error-${step.ruleId}` : ""}"${noteError ? html` aria-invalid="true"` : null}>${refused?.note ?? ""}</textarea>
<p class="hint" id="hint-${step.ruleId}">For example what you saw on the screen. Up to ${CUSTOMER_NOTE_MAX} characters.</p>
${noteError ? html`<p class="error" id="error-${step.ruleId}">${noteError.message}</p>` : null}
<div class="buttons">
<button type="submit" name="outcome" value="resolved" class="yes">It worked<span class="sr-only">: ${step.title}</span></button>
<button type="submit" name="outcome" value="no_change" class="no">Didn't help<span class="sr-only">: ${step.title}</span></button>
</div>
</form>`
    : null
}
</article>`;
}

function cautions(texts: CustomerText[]): SafeHtml {
  return html`<ul class="cautions">${texts.map((t) => html`<li class="${t.kind}"><strong>${t.kind === "tip" ? "Tip" : "Careful"}:</strong> ${t.text}</li>`)}</ul>`;
}

function messagesSection(view: CustomerCaseView): SafeHtml | null {
  if (view.statusMessages.length === 0) return null;
  return html`<section aria-labelledby="messages-title"><h2 id="messages-title">The messages you saw</h2>
<dl>${view.statusMessages.map(
    (message) => html`<dt>“${message.title}” on ${message.device}</dt><dd><p>${message.explanation}</p><p><strong>What to do:</strong> ${message.whatToDo}</p></dd>`,
  )}</dl>
</section>`;
}

function triedSection(tried: CustomerTriedStep[]): SafeHtml {
  return html`<section aria-labelledby="tried-title"><h2 id="tried-title">What has been tried</h2>
${
  tried.length === 0
    ? html`<p>Nothing yet.</p>`
    : html`<ul class="history">${tried.map(
        (step) => html`<li><p><strong>${step.title}</strong></p>
<p><span class="tag ${step.outcome === "resolved" ? "resolved" : "other"}">${step.outcomeLabel}</span> · ${step.by} · ${day(step.triedAt)}</p>
${step.note ? html`<p class="note">${step.byCustomer ? "Your note" : "Note"}: ${step.note}</p>` : null}</li>`,
      )}</ul>`
}
</section>`;
}
