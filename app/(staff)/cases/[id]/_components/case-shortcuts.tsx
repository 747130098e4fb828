"use client";

import { useAnnounce } from "@/components/keyboard/keyboard-shortcuts";
import { useShortcut } from "@/components/keyboard/use-shortcut";

/**
 * `r` on the case page: record a result for the step in focus (a card, a compact row or a tried
 * step), or for the next step when focus is elsewhere. It opens that step's form, which puts focus
 * on the first outcome.
 */
export function CaseShortcuts() {
  const announce = useAnnounce();
  useShortcut("r", () => {
    const focused = document.activeElement?.closest<HTMLElement>("[data-step]");
    const step = focused ?? document.querySelector<HTMLElement>('[data-testid="suggestions"] [data-step]');
    const toggle = step?.querySelector<HTMLButtonElement>("[data-record-toggle]");
    if (!step || !toggle) {
      announce("There is no step to record a result for.");
      return;
    }
    if (toggle.getAttribute("aria-expanded") !== "true") toggle.click();
    else step.querySelector<HTMLInputElement>('input[name="outcome"]')?.focus();
    announce(`Recording a result for ${step.dataset.stepTitle ?? "this step"}`);
  });
  return null;
}
