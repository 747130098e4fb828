"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";
import { useShortcut } from "@/components/keyboard/use-shortcut";
import { SHORTCUTS } from "@/components/keyboard/shortcut-list";

// The staff pages' keyboard layer: `n` and `?` everywhere, a help dialog, and one polite live
// region through which every shortcut says what it did (pages add their own keys with useShortcut).

type Keyboard = { announce: (message: string) => void; toggleHelp: () => void };
const KeyboardContext = createContext<Keyboard>({ announce: () => {}, toggleHelp: () => {} });
export const useAnnounce = () => useContext(KeyboardContext).announce;

export function KeyboardShortcuts({ canCreate, children }: { canCreate: boolean; children: ReactNode }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [message, setMessage] = useState("");
  // The same text twice would not be re-read: alternate a trailing no-break space.
  const announce = useCallback((text: string) => setMessage((previous) => (previous === text ? `${text}\u00a0` : text)), []);

  useShortcut("n", () => {
    announce("Opening a new case");
    router.push("/cases/new");
  }, canCreate);
  // The dialog's content exists only while it is open, so a closed dialog adds nothing to the page.
  const [helpOpen, setHelpOpen] = useState(false);
  const toggleHelp = useCallback(() => {
    const element = dialog.current;
    if (!element) return;
    if (element.open) element.close();
    else {
      setHelpOpen(true);
      element.showModal();
    }
  }, []);
  useShortcut("?", toggleHelp);

  return (
    <KeyboardContext.Provider value={{ announce, toggleHelp }}>
      {children}
      <p aria-live="polite" role="status" className="sr-only" data-testid="shortcut-announcer">{message}</p>
      <dialog ref={dialog} aria-label="Keyboard shortcuts" onClose={() => setHelpOpen(false)}
        className="m-auto w-full max-w-lg rounded-lg border border-slate-300 p-6 shadow-xl backdrop:bg-slate-900/40">
        {helpOpen ? <ShortcutHelp /> : null}
      </dialog>
    </KeyboardContext.Provider>
  );
}

function ShortcutHelp() {
  return (
    <>
    <h2 id="shortcuts-title" className="text-lg font-semibold">Keyboard shortcuts</h2>
    <p className="mt-1 text-sm text-slate-700">They work whenever you are not typing in a field.</p>
    <table className="mt-3 w-full text-left text-sm">
      <thead><tr><th scope="col" className="py-1 pr-3">Key</th><th scope="col" className="py-1 pr-3">Does</th><th scope="col" className="py-1">Where</th></tr></thead>
      <tbody>
        {SHORTCUTS.map((shortcut) => (
          <tr key={shortcut.keys} className="border-t border-slate-200">
            <td className="py-1 pr-3"><kbd className="rounded border border-slate-400 bg-slate-50 px-1.5 font-mono">{shortcut.keys}</kbd></td>
            <td className="py-1 pr-3">{shortcut.action}</td>
            <td className="py-1 text-slate-700">{shortcut.where}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <form method="dialog" className="mt-4 text-right">
      <button className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">Close</button>
    </form>
    </>
  );
}

/** A visible way to the same dialog, for people who don't know to press `?`. */
export function ShortcutsButton() {
  const { toggleHelp } = useContext(KeyboardContext);
  return (
    <button type="button" className="text-slate-700 underline-offset-2 hover:text-blue-700 hover:underline" onClick={toggleHelp}>
      Shortcuts <kbd className="rounded border border-slate-300 px-1 font-mono text-xs">?</kbd>
    </button>
  );
}
