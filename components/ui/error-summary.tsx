"use client";

import { useEffect, useRef } from "react";

export interface SummaryIssue {
  message: string;
  /** Id of the input to jump to; "" when the problem has no input. */
  targetId: string;
  label?: string;
}

/**
 * The "fix these" box at the top of a form: announced (role="alert"), focused when it appears, and
 * each problem links to its input. `version` changes on every failed submit so a repeat failure
 * is announced and focused again.
 */
export function ErrorSummary({ title, issues, version }: { title: string; issues: readonly SummaryIssue[]; version: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (issues.length > 0) ref.current?.focus();
  }, [version, issues.length]);
  if (issues.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title"
      className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-900 focus:outline-none focus:ring-2 focus:ring-red-700">
      <h2 id="error-summary-title" className="font-semibold">{title}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {issues.map((issue, index) => (
          <li key={`${issue.targetId}-${index}`}>
            {issue.targetId ? (
              <a
                href={`#${issue.targetId}`}
                className="underline"
                onClick={(event) => {
                  const target = document.getElementById(issue.targetId);
                  if (!target) return;
                  event.preventDefault();
                  target.scrollIntoView({ block: "center" });
                  target.focus();
                }}
              >
                {issue.label ? `${issue.label}: ` : ""}{issue.message}
              </a>
            ) : (
              <span>{issue.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
