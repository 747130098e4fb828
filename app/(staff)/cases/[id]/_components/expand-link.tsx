"use client";

import { useRouter } from "next/navigation";
import { useTransition, type ReactNode } from "react";
import { useStepsFocus } from "@/app/(staff)/cases/[id]/_components/steps-focus";

/**
 * A link that changes which steps are expanded. It is a real link (works without JavaScript, can be
 * opened in a new tab); with JavaScript it replaces the URL without scrolling and then moves focus to
 * the element that takes its place (the expanded card's title, or the row it collapsed to).
 */
export function ExpandLink({ href, focusId, className, children }: { href: string; focusId: string; className?: string; children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { focusWhenShown } = useStepsFocus();
  return (
    <a href={href} className={className} aria-busy={pending || undefined}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
        event.preventDefault();
        focusWhenShown(focusId);
        startTransition(() => router.replace(href, { scroll: false }));
      }}>
      {children}
    </a>
  );
}
