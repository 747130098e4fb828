import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// Every page renders per request: its scripts carry the Content-Security-Policy nonce the HTTP
// server (scripts/serve.ts) made for this response, which a prerendered page could not.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Photo Sync Triage", template: "%s · Photo Sync Triage" },
  description: "Triage desk for iCloud Photos sync problems",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
