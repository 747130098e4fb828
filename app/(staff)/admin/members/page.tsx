import { ROLE_LABELS } from "@/lib/tenancy/roles";
import { listMembers } from "@/lib/members/list-members";
import { formatDateTime } from "@/components/case/format";
import { requireStaffPage } from "@/app/_server/staff";
import { AdminNav } from "@/app/(staff)/admin/_components/admin-nav";
import { InviteForm } from "@/app/(staff)/admin/members/invite-form";
import { MemberActions, RevokeInvitation } from "@/app/(staff)/admin/members/member-actions";

export const metadata = { title: "Members" };

// GET /admin/members — who works in this tenant, with which role; add people by invitation.
export default async function MembersPage() {
  const staff = await requireStaffPage("users:manage");
  const { members, invitations } = await listMembers(staff);
  return (
    <div className="space-y-6">
      <AdminNav current="/admin/members" />
      <h1 className="text-2xl font-semibold">Members</h1>
      <InviteForm />

      <section aria-labelledby="members-title" className="space-y-2">
        <h2 id="members-title" className="text-lg font-semibold">People ({members.filter((m) => m.active).length} active)</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2">Name</th>
                <th scope="col" className="px-4 py-2">Email</th>
                <th scope="col" className="px-4 py-2">Role</th>
                <th scope="col" className="px-4 py-2">Status</th>
                <th scope="col" className="px-4 py-2">Last sign-in</th>
                <th scope="col" className="px-4 py-2">Change</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.userId} data-testid="member-row" data-active={member.active} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-4 py-3 text-left font-medium">
                    {member.name}{member.userId === staff.user.id ? <span className="ml-1 text-slate-600">(you)</span> : null}
                  </th>
                  <td className="px-4 py-3">{member.email}</td>
                  <td className="px-4 py-3">{ROLE_LABELS[member.role]}</td>
                  <td className="px-4 py-3">
                    {member.active ? "Active" : <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">Deactivated</span>}
                  </td>
                  <td className="px-4 py-3">{member.lastSignInAt ? formatDateTime(member.lastSignInAt) : "Never"}</td>
                  <td className="px-4 py-3">
                    <MemberActions userId={member.userId} name={member.name} role={member.role} active={member.active} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="invitations-title" className="space-y-2">
        <h2 id="invitations-title" className="text-lg font-semibold">Invitations not yet accepted</h2>
        {invitations.length === 0 ? (
          <p className="text-sm text-slate-600">None.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2">Name</th>
                  <th scope="col" className="px-4 py-2">Email</th>
                  <th scope="col" className="px-4 py-2">Role</th>
                  <th scope="col" className="px-4 py-2">Invited by</th>
                  <th scope="col" className="px-4 py-2">Expires</th>
                  <th scope="col" className="px-4 py-2"><span className="sr-only">Revoke</span></th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id} data-testid="invitation-row" className="border-t border-slate-200">
                    <th scope="row" className="px-4 py-3 text-left font-medium">{invitation.name}</th>
                    <td className="px-4 py-3">{invitation.email}</td>
                    <td className="px-4 py-3">{ROLE_LABELS[invitation.role]}</td>
                    <td className="px-4 py-3">{invitation.invitedBy}</td>
                    <td className="px-4 py-3">
                      {invitation.status === "expired" ? <span className="font-medium text-red-800">Expired {formatDateTime(invitation.expiresAt)}</span> : formatDateTime(invitation.expiresAt)}
                    </td>
                    <td className="px-4 py-3"><RevokeInvitation id={invitation.id} email={invitation.email} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
