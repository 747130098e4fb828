// The demo tenant's administration that the API reference also shows as its examples
// (lib/api/member-operations.ts and the others): one source, so the reference and the demo agree.

export const DEMO_INVITATION = { name: "Jordan New", email: "jordan@demo.example", role: "agent" } as const;

export const DEMO_API_TOKEN = { name: "Helpdesk sync", role: "agent" } as const;

// A shop whose customers have big libraries, that never sees Photos' analysis step matter, and
// whose customers' links work for three weeks. Saved once, so the tenant's settings are at version 2.
export const DEMO_RULE_SETTINGS = {
  disabledRules: ["reset-photo-analysis"],
  thresholds: { largeLibraryItems: 30_000, customerLinkDays: 21 },
} as const;
export const DEMO_RULE_SETTINGS_VERSION = 2;
