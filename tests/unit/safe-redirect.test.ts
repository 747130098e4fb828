import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/http/safe-redirect";

// Every `next=` and sign-in callback goes through safeNextPath: a path on this site or "/".
const HOSTILE = [
  "https://evil.example",
  "http:evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "\\/evil.example",
  "/%5Cevil.example",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "/\u2028/evil.example",
  " //evil.example",
  "javascript:alert(1)",
  "JAVASCRIPT:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "cases",
  "",
  "/%",
  `/${"a".repeat(3000)}`,
];

const SAFE: Array<[string, string]> = [
  ["/", "/"],
  ["/cases", "/cases"],
  ["/cases?status=open&platform=mac", "/cases?status=open&platform=mac"],
  ["/cases/0190a1b2-0000-7000-8000-000000000000", "/cases/0190a1b2-0000-7000-8000-000000000000"],
  ["/cases?q=Robin Case", "/cases?q=Robin%20Case"],
  ["/cases#steps", "/cases#steps"],
];

describe("safeNextPath", () => {
  it.each(HOSTILE)("refuses %j and falls back to /", (raw) => {
    expect(safeNextPath(raw)).toBe("/");
  });

  it.each(SAFE)("keeps the same-origin path %j", (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });

  it("refuses missing values and non-strings", () => {
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(42 as unknown as string)).toBe("/");
  });

  it("whatever it returns resolves to this site for every hostile input", () => {
    for (const raw of HOSTILE) {
      expect(new URL(safeNextPath(raw), "https://desk.example").origin).toBe("https://desk.example");
    }
  });
});
