import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { currentStaff } from "@/app/_server/staff";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const safeNext = safeNextPath(next);
  const staff = await currentStaff().catch(() => null);
  if (staff) redirect(safeNext);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <h1 className="text-2xl font-semibold">Photo Sync Triage</h1>
      <p className="mt-1 text-slate-600">Sign in to the triage desk.</p>
      <SignInForm next={safeNext} />
    </main>
  );
}
