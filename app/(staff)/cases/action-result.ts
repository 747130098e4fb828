import type { ErrorBody } from "@/lib/errors/error-body";
import { problemFor } from "@/lib/http/problem";

// What every case server action returns: the data, or the same error body the API would send
// (code, message, field issues), so forms map field errors the same way for both.
export type ActionResult<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody["error"] };

export async function runAction<T extends object>(name: string, work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    return { ok: false, error: problemFor(error, `server action ${name}`).body.error };
  }
}
