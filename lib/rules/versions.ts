// Compares dotted numeric versions ("17.5.1" vs "17.0"); missing parts count as 0.
export function compareVersions(a: string, b: string): number {
  const left = a.split(".");
  const right = b.split(".");
  const length = Math.max(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const difference = Number(left[index] ?? 0) - Number(right[index] ?? 0);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return 0;
}

export function isOlderThan(version: string, minimum: string): boolean {
  return compareVersions(version, minimum) < 0;
}
