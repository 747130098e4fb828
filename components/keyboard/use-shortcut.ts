"use client";

import { useHotkeys } from "react-hotkeys-hook";

// One plain key (no Ctrl/Cmd/Alt) as a shortcut, matched on the character it types so `?` and `/`
// work on any keyboard layout. react-hotkeys-hook ignores keys pressed in form fields (inputs,
// textareas, selects, radios, contenteditable), so a shortcut never fires while someone types.
export function useShortcut(key: string, run: (event: KeyboardEvent) => void, enabled = true): void {
  useHotkeys(key, (event) => run(event), {
    useKey: true,
    ignoreModifiers: true,
    preventDefault: true,
    enabled: (event) => enabled && !event.ctrlKey && !event.metaKey && !event.altKey,
  });
}
