import { ROLE_LABELS } from "@/lib/tenancy/roles";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { formatDateTime } from "@/components/case/format";
import { requireStaffPage } from "@/app/_server/staff";
import { AdminNav } from "@/app/(staff)/admin/_components/admin-nav";
import { CreateTokenForm } from "@/app/(staff)/admin/api-tokens/create-token-form";
import { RevokeToken } from "@/app/(staff)/admin/api-tokens/revoke-token";

export const metadata = { title: "API tokens" };

const STATUS_LABEL = { active: "Active", expired: "Expired", revoked: "Revoked" } as const;

// GET /admin/api-tokens — the tenant's integration tokens: create (secret shown once), list, revoke.
export default async function ApiTokensPage() {
  const staff = await requireStaffPage("api_tokens:manage");
  const { items } = await listApiTokens(staff);
  return (
    <div className="space-y-6">
      <AdminNav current="/admin/api-tokens" />
      <h1 className="text-2xl font-semibold">API tokens</h1>
      <CreateTokenForm maxRole={staff.actor.role} />
      <section aria-labelledby="tokens-title" className="space-y-2">
        <h2 id="tokens-title" className="text-lg font-semibold">Tokens ({items.filter((t) => t.status === "active").length} active)</h2>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600">No tokens yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2">Name</th>
                  <th scope="col" className="px-4 py-2">Role</th>
                  <th scope="col" className="px-4 py-2">Starts with</th>
                  <th scope="col" className="px-4 py-2">Created by</th>
                  <th scope="col" className="px-4 py-2">Created</th>
                  <th scope="col" className="px-4 py-2">Last used</th>
                  <th scope="col" className="px-4 py-2">Expires</th>
                  <th scope="col" className="px-4 py-2">Status</th>
                  <th scope="col" className="px-4 py-2"><span className="sr-only">Revoke</span></th>
                </tr>
              </thead>
              <tbody>
                {items.map((token) => (
                  <tr key={token.id} data-testid="token-row" data-status={token.status} className="border-t border-slate-200">
                    <th scope="row" className="px-4 py-3 text-left font-medium">{token.name}</th>
                    <td className="px-4 py-3">{ROLE_LABELS[token.role]}</td>
                    <td className="px-4 py-3 font-mono text-xs">{token.prefix}…</td>
                    <td className="px-4 py-3">{token.createdBy ?? "—"}</td>
                    <td className="px-4 py-3">{formatDateTime(token.createdAt)}</td>
                    <td className="px-4 py-3">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}</td>
                    <td className="px-4 py-3">{token.expiresAt ? formatDateTime(token.expiresAt) : "Never"}</td>
                    <td className="px-4 py-3">{STATUS_LABEL[token.status]}</td>
                    <td className="px-4 py-3">{token.status === "revoked" ? null : <RevokeToken id={token.id} name={token.name} />}</td>
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
