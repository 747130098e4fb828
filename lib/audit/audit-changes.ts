// What changed between an audit entry's `before` and `after`, as readable lines: the leaves of
// both JSON values by dotted path ("thresholds.escalationHours"), only where they differ. Lists
// (disabled rules) are compared as sets: what was added and what was removed.

export interface AuditChange {
  path: string;
  before: string | null;
  after: string | null;
}

export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const left = flatten(before);
  const right = flatten(after);
  const changes: AuditChange[] = [];
  for (const path of [...new Set([...left.keys(), ...right.keys()])]) {
    const a = left.get(path);
    const b = right.get(path);
    if (Array.isArray(a) || Array.isArray(b)) {
      const was = new Set((a as unknown[] | undefined ?? []).map(show));
      const now = new Set((b as unknown[] | undefined ?? []).map(show));
      const removed = [...was].filter((item) => !now.has(item));
      const added = [...now].filter((item) => !was.has(item));
      if (removed.length > 0 || added.length > 0) {
        changes.push({ path, before: removed.length > 0 ? removed.join(", ") : null, after: added.length > 0 ? added.join(", ") : null });
      }
      continue;
    }
    if (show(a) !== show(b)) changes.push({ path, before: a === undefined ? null : show(a), after: b === undefined ? null : show(b) });
  }
  return changes;
}

function flatten(value: unknown, prefix = "", into = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) {
    into.set(prefix, value);
  }
  return into;
}

function show(value: unknown): string {
  return value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value);
}
