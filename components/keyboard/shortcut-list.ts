// The keyboard shortcuts, as the help dialog lists them. Each is bound where it applies.
export const SHORTCUTS = [
  { keys: "/", action: "Search the case list", where: "Case list" },
  { keys: "j / k", action: "Next / previous case in the list", where: "Case list" },
  { keys: "Enter", action: "Open the case in focus", where: "Case list" },
  { keys: "n", action: "New case", where: "Everywhere" },
  { keys: "r", action: "Record a result for the step in focus (the next step when none is)", where: "Case page" },
  { keys: "?", action: "Show these shortcuts", where: "Everywhere" },
] as const;
