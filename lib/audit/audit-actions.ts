// What the administration log records (SPEC §5 "the tenant's administration log"). The strings are
// part of the API (`GET /api/v1/audit` answers them), so they only ever gain members.
export const AUDIT_ACTIONS = {
  "member.invited": "Invited a member",
  "invitation.revoked": "Revoked an invitation",
  "invitation.accepted": "Accepted an invitation",
  "member.role_changed": "Changed a member's role",
  "member.deactivated": "Deactivated a member",
  "member.reactivated": "Reactivated a member",
  "member.password_changed": "Changed their password",
  "api_token.created": "Created an API token",
  "api_token.revoked": "Revoked an API token",
  "rule_settings.updated": "Changed the rulebook settings",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_TARGET_TYPES = ["member", "invitation", "api_token", "rule_settings"] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];
