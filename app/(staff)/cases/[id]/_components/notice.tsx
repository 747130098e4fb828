"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

// A confirmation that outlives the control that caused it: recording a step moves its
// suggestion to "Already tried" (the form unmounts), so the message lives in this provider.
const NoticeContext = createContext<(message: string) => void>(() => {});

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <NoticeContext.Provider value={setNotice}>
      <p aria-live="polite" role="status" className="text-sm font-medium text-emerald-800 empty:hidden">{notice}</p>
      {children}
    </NoticeContext.Provider>
  );
}

export const useNotice = () => useContext(NoticeContext);
