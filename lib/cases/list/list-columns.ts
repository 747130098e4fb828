// The case list's columns that a person may hide (case number and selection always show). The list
// table uses these ids for its columns and saved views store a subset of them.
export const HIDEABLE_LIST_COLUMNS = ["customer", "status", "devices", "assignee", "problemSince", "escalationReady", "updatedAt", "createdAt"] as const;
export type HideableListColumn = (typeof HIDEABLE_LIST_COLUMNS)[number];

