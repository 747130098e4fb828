import type { NextRequest } from "next/server";
import { validationError } from "@/lib/errors/validation";
import { JSON_BODY_LIMIT_BYTES, readBodyLimited } from "@/lib/http/read-body";

// On its own (not in api-route.ts) so the customer's routes read JSON without loading staff session code.

/** Parses a JSON body of at most 1 MB (413 beyond, while streaming); malformed JSON is a 400 naming the problem. */
export async function readJson(request: NextRequest): Promise<unknown> {
  const bytes = await readBodyLimited(request, JSON_BODY_LIMIT_BYTES);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw validationError([{ path: "(body)", message: "The request body is not valid UTF-8 text" }]);
  }
  if (text.trim() === "") throw validationError([{ path: "(body)", message: "The request body is empty; send a JSON object" }]);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw validationError([{ path: "(body)", message: `Malformed JSON: ${(error as Error).message}` }]);
  }
}
