"use client";

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";

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

export function StepsFocusProvider({ nextIds, children }: { nextIds: readonly string[]; children: ReactNode }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [afterRecord, setAfterRecord] = useState<string | null>(null);
  const [whenShown, setWhenShown] = useState<string | null>(null);
  const lead = nextIds[0] ?? null;
  const recordedStillNext = afterRecord !== null && nextIds.includes(afterRecord);

  useEffect(() => {
    if (afterRecord === null || recordedStillNext) return;
    focusElement(lead ? `step-${lead}-title` : "suggestions-title");
    setAfterRecord(null);
  }, [afterRecord, recordedStillNext, lead]);

  // No dependency list on purpose: the element appears when the server's next render arrives, which
  // re-renders this provider with new children; each render checks once.
  useEffect(() => {
    if (whenShown !== null && focusElement(whenShown)) setWhenShown(null);
  });

  const announce = useCallback((message: string) => setNotice(message), []);
  const focusNextAfter = useCallback((ruleId: string) => setAfterRecord(ruleId), []);
  const focusWhenShown = useCallback((elementId: string) => setWhenShown(elementId), []);
  return (
    <StepsFocusContext.Provider value={{ announce, focusNextAfter, focusWhenShown }}>
      <p aria-live="polite" role="status" className="text-sm font-medium text-emerald-800 empty:hidden">{notice}</p>
      {children}
    </StepsFocusContext.Provider>
  );
}

export const useStepsFocus = () => useContext(StepsFocusContext);
