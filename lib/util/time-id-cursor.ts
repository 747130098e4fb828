import { validationError } from "@/lib/errors/validation";
import { isUuid } from "@/lib/util/uuid";

// The opaque keyset cursor of the lists ordered by (a time, id): a case's steps and timeline, the
// administration log, the escalation queues. It carries the last row's time and id; what comes back
// from a client is checked to be one (a valid id, a date PostgreSQL can compare), else a 400 on `path`.

export interface TimeIdCursor {
  at: Date;
  id: string;
}

export function encodeTimeIdCursor({ at, id }: TimeIdCursor): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id]), "utf8").toString("base64url");
}

/** `message` tells the client where valid cursors come from (field error on `path`). */
export function decodeTimeIdCursor(raw: string, path: string, message: string): TimeIdCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string" && isUuid(parsed[1])) {
    const at = new Date(parsed[0]);
    const year = at.getUTCFullYear();
    if (!Number.isNaN(at.getTime()) && year >= 1 && year <= 9999) return { at, id: parsed[1] };
  }
  throw validationError([{ path, message }]);
}
