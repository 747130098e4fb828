import type { NextRequest } from "next/server";
import { validationError } from "@/lib/errors/validation";

/** Parses a JSON body; malformed JSON is a 400 naming the problem, never a crash. */
export async function readJson(request: NextRequest): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") throw validationError([{ path: "(body)", message: "The request body is empty; send a JSON object" }]);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw validationError([{ path: "(body)", message: `Malformed JSON: ${(error as Error).message}` }]);
  }
}
