import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { changeMember } from "@/lib/members/change-member";
import { inviteMember } from "@/lib/members/invite-member";
import { listMembers } from "@/lib/members/list-members";
import { getRuleSettings } from "@/lib/rule-settings/rule-settings-view";
import { saveRuleSettings } from "@/lib/rule-settings/save-rule-settings";
import type { StaffActor, TenantContext } from "@/lib/tenancy/context";
import { DEMO_API_TOKEN, DEMO_INVITATION, DEMO_RULE_SETTINGS } from "@/lib/api/examples/admin-examples";

// The demo tenant's administration, done through the real services by its admin over the past
// weeks, so /admin shows something of everything and the audit log tells how it came about: a
// former colleague who was deactivated, an invitation not yet accepted, integration tokens of two
// roles (and a revoked one), and a tuned rulebook. Runs before the demo cases are made, so every
// case is evaluated with the tenant's settings from the start.
export async function seedAdminDemo(admin: TenantContext & { actor: StaffActor }, now: Date): Promise<void> {
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const DAY = 24 * 60;

  const former = await inviteMember(admin, { name: "Riley Former", email: "riley@demo.example", role: "agent" }, { now: minutesAgo(21 * DAY) });
  await acceptInvitation(former.url.split("/").pop()!, { name: "Riley Former", password: "riley-left-the-team", confirmPassword: "riley-left-the-team" }, { now: minutesAgo(21 * DAY - 90) });
  const rileyId = (await listMembers(admin)).members.find((member) => member.email === "riley@demo.example")!.userId;
  await changeMember(admin, rileyId, { active: false }, { now: minutesAgo(3 * DAY) });

  await inviteMember(admin, DEMO_INVITATION, { now: minutesAgo(DAY) });

  const legacy = await createApiToken(admin, { name: "Legacy spreadsheet import", role: "agent" }, { now: minutesAgo(30 * DAY) });
  await revokeApiToken(admin, legacy.token.id, { now: minutesAgo(9 * DAY) });
  await createApiToken(admin, DEMO_API_TOKEN, { now: minutesAgo(20 * DAY) });
  await createApiToken(admin, { name: "Weekly reporting export", role: "supervisor", expiresAt: new Date(now.getTime() + 180 * 86_400_000).toISOString() }, { now: minutesAgo(15 * DAY) });

  const { version, thresholds } = await getRuleSettings(admin);
  await saveRuleSettings(
    admin,
    { version, disabledRules: [...DEMO_RULE_SETTINGS.disabledRules], thresholds: { ...thresholds, ...DEMO_RULE_SETTINGS.thresholds } },
    { now: minutesAgo(12 * DAY) },
  );
}
