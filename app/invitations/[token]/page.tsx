import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ROLE_LABELS } from "@/lib/tenancy/roles";
import { describeInvitation } from "@/lib/members/accept-invitation";
import { formatDateTime } from "@/components/case/format";
import { AcceptInvitationForm } from "@/app/invitations/[token]/accept-form";

// The URL holds a secret: keep it out of Referer headers and search engines.
export const metadata: Metadata = { title: "Join your team", referrer: "no-referrer", robots: { index: false, follow: false } };

// GET /invitations/{token} — the invitee sets a password (or confirms theirs) and becomes a member.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await describeInvitation(token);
  if (!invitation) notFound();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-10">
      <h1 className="text-2xl font-semibold">Join {invitation.tenantName}</h1>
      {invitation.state === "pending" ? (
        <>
          <p className="mt-2 text-slate-700">
            {invitation.invitedBy} invited {invitation.email} to work as {ROLE_LABELS[invitation.role].toLowerCase()} on the Photo Sync Triage desk.
            This link works until {formatDateTime(invitation.expiresAt)}.
          </p>
          <AcceptInvitationForm token={token} name={invitation.name} email={invitation.email} hasAccount={invitation.hasAccount} />
        </>
      ) : (
        <p role="alert" className="mt-4 rounded-md border border-amber-500 bg-amber-50 p-4 text-amber-950">
          {invitation.state === "expired"
            ? "This invitation has expired. Ask your admin to send you a new one."
            : "This invitation was already used or withdrawn. If it was you who used it, sign in; otherwise ask your admin for a new one."}
        </p>
      )}
    </main>
  );
}
