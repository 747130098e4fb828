"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

// Focus and announcements for the step list, kept above the controls that cause them: recording a
// step moves it to "Already tried" and expanding a step replaces its row with a card, so the control
// that acted is gone by the time the page shows the result.
//  - announce(): a polite status message (screen readers hear "Recorded: …").
//  - focusNextAfter(ruleId): once the recorded step has left the next steps, focus the new first one.
//  - focusWhenShown(id): once an element with that id is on the page, focus it (expand / collapse).

type StepsFocus = {
  announce: (message: string) => void;
  focusNextAfter: (ruleId: string) => void;
  focusWhenShown: (elementId: string) => void;
};
const StepsFocusContext = createContext<StepsFocus>({ announce: () => {}, focusNextAfter: () => {}, focusWhenShown: () => {} });

function focusElement(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  target.focus();
  target.scrollIntoView({ block: "nearest" });
  return true;
}

/** The first next step's title, or the section's heading when none is left. */
function focusLead(ids: readonly string[]): void {
  focusElement(ids[0] ? `step-${ids[0]}-title` : "suggestions-title");
}

export function StepsFocusProvider({ nextIds, children }: { nextIds: readonly string[]; children: ReactNode }) {
  const [notice, setNotice] = useState<string | null>(null);
  // Pending focus moves are refs, not state: they wait for a render that arrives anyway (the
  // server's next render re-renders this provider), so setting one need not render by itself.
  const shownNext = useRef(nextIds);
  const afterRecord = useRef<string | null>(null);
  const whenShown = useRef<string | null>(null);

  // No dependency list on purpose: each render of the provider checks the pending moves once.
  useEffect(() => {
    shownNext.current = nextIds;
    if (afterRecord.current !== null && !nextIds.includes(afterRecord.current)) {
      focusLead(nextIds);
      afterRecord.current = null;
    }
    if (whenShown.current !== null && focusElement(whenShown.current)) whenShown.current = null;
  });

  const announce = useCallback((message: string) => setNotice(message), []);
  const focusNextAfter = useCallback((ruleId: string) => {
    // The new render may already be on the page by the time the action's result arrives.
    if (shownNext.current.includes(ruleId)) afterRecord.current = ruleId;
    else focusLead(shownNext.current);
  }, []);
  const focusWhenShown = useCallback((elementId: string) => {
    if (!focusElement(elementId)) whenShown.current = elementId;
  }, []);
  return (
    <StepsFocusContext.Provider value={{ announce, focusNextAfter, focusWhenShown }}>
      <p aria-live="polite" role="status" className="text-sm font-medium text-emerald-800 empty:hidden">{notice}</p>
      {children}
    </StepsFocusContext.Provider>
  );
}

export const useStepsFocus = () => useContext(StepsFocusContext);
