const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from clients are unverified until they match; a malformed id names nothing, so callers answer 404, not 500. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
