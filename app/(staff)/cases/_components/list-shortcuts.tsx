"use client";

import { useAnnounce } from "@/components/keyboard/keyboard-shortcuts";
import { useShortcut } from "@/components/keyboard/use-shortcut";

// The list's keys: `/` to the search field; `j` / `k` move focus to the next / previous case's link
// (Enter then opens it, as any link); each move says which case and where it is in the list.
export function ListShortcuts() {
  const announce = useAnnounce();

  useShortcut("/", () => {
    const search = document.getElementById("filter-q");
    search?.focus();
    if (search) announce("Search cases");
  });

  const move = (step: 1 | -1) => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>("a[data-case-link]")];
    if (links.length === 0) return announce("No cases in this list.");
    const at = links.findIndex((link) => link.closest("tr")?.contains(document.activeElement));
    const next = at === -1 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step));
    const link = links[next]!;
    link.focus();
    link.closest("tr")?.scrollIntoView({ block: "nearest" });
    const row = link.closest("tr");
    const summary = row?.getAttribute("data-summary") ?? link.textContent ?? "";
    const edge = next === at ? (step === 1 ? " (last on this page)" : " (first on this page)") : "";
    announce(`${summary}, ${next + 1} of ${links.length}${edge}. Enter opens it.`);
  };
  useShortcut("j", () => move(1));
  useShortcut("k", () => move(-1));
  return null;
}
