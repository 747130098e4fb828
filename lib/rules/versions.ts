// Compares dotted numeric versions ("17.5.1" vs "17.0"); missing parts count as 0.

// Versions repeat a lot (tenant minimums, common OS releases): parse each string once.
const parsed = new Map<string, number[]>();

function parts(version: string): number[] {
  let result = parsed.get(version);
  if (!result) {
    result = version.split(".").map(Number);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(version, result);
  }
  return result;
}

function compareVersions(a: string, b: string): number {
  const left = parts(a);
  const right = parts(b);
  const length = Math.max(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return 0;
}

export function isOlderThan(version: string, minimum: string): boolean {
  return compareVersions(version, minimum) < 0;
}
