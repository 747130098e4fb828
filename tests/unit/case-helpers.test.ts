import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/cases/list/list-cursor";
import { listQueryFromSearchParams, listQueryToSearchParams } from "@/lib/cases/list/list-query-params";
import { listCasesSchema } from "@/lib/cases/schemas/case-schemas";
import { diffFacts } from "@/lib/cases/facts-diff";
import { mergeFacts } from "@/lib/cases/merge-facts";
import { detectImageType } from "@/lib/cases/image-type";
import { escalationColumnsOf } from "@/lib/cases/derived-columns";
import { MAX_TOKEN_LENGTH, MAX_TOKENS_PER_CASE, prefixUpperBound, searchTokensOf, searchWordsOf } from "@/lib/cases/search-tokens";
import { DEFAULT_RULE_SETTINGS } from "@/lib/rules/settings";
import { RULE_IDS } from "@/lib/rules/rule-ids";
import { escalationReadiness } from "@/lib/triage/readiness";
import { healthyDevice, healthyFacts, hoursBefore, NOW } from "@/tests/support/facts-factory";

describe("list cursor", () => {
  it("round-trips and refuses another sort or garbage", () => {
    const cursor = encodeCursor({ sort: "updatedAt", dir: "desc", value: "2024-06-01T12:00:00.000Z", id: "0197a000-0000-7000-8000-000000000001", direction: "after" });
    expect(decodeCursor(cursor, "updatedAt", "desc")).toMatchObject({ id: "0197a000-0000-7000-8000-000000000001", direction: "after" });
    expect(() => decodeCursor(cursor, "number", "desc")).toThrow(/different sort/);
    expect(() => decodeCursor("!!!", "updatedAt", "desc")).toThrow(/not valid/);
  });

  it("carries the direction of a previous-page cursor, and refuses an unknown one", () => {
    const before = encodeCursor({ sort: "number", dir: "asc", value: 1042, id: "0197a000-0000-7000-8000-000000000001", direction: "before" });
    expect(decodeCursor(before, "number", "asc")).toMatchObject({ value: 1042, direction: "before" });
    const sideways = Buffer.from(JSON.stringify(["number", "asc", 1042, "0197a000-0000-7000-8000-000000000001", "sideways"])).toString("base64url");
    expect(() => decodeCursor(sideways, "number", "asc")).toThrow(/not valid/);
  });
});

describe("list query in the URL", () => {
  it("parses repeated and comma lists, numbers and booleans, and round-trips", () => {
    const raw = listQueryFromSearchParams(new URLSearchParams("status=open,resolved&platform=mac&platform=ipad&limit=10&escalationReady=true&q=pst-12"));
    const query = listCasesSchema.parse(raw);
    expect(query).toMatchObject({ status: ["open", "resolved"], platform: ["mac", "ipad"], limit: 10, escalationReady: true, q: "pst-12", sort: "updatedAt" });
    expect(listCasesSchema.parse(listQueryFromSearchParams(listQueryToSearchParams(query)))).toEqual(query);
  });
  it("passes unparseable values through so the schema names them", () => {
    const result = listCasesSchema.safeParse(listQueryFromSearchParams(new URLSearchParams("limit=ten&escalationReady=yes")));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["escalationReady", "limit"].sort());
  });
});

describe("facts merge and diff", () => {
  it("merges small objects one level deep and replaces lists", () => {
    const facts = healthyFacts({ devices: [healthyDevice("iphone"), healthyDevice("mac")] });
    const merged = mergeFacts(facts, { library: { sizeGb: 99 }, devices: [healthyDevice("ipad")] }) as typeof facts;
    expect(merged.library).toEqual({ ...facts.library, sizeGb: 99 });
    expect(merged.devices).toHaveLength(1);
    expect(diffFacts(facts, merged)).toEqual([{ field: "library.sizeGb", from: 30, to: 99 }, { field: "devices" }]);
  });

  it("diff sees no change when only the order of keys differs (a frozen document read back)", () => {
    const facts = healthyFacts();
    const reordered = JSON.parse(JSON.stringify(facts, (_key, value) =>
      value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value));
    expect(Object.keys(reordered.devices[0])).not.toEqual(Object.keys(facts.devices[0]!));
    expect(diffFacts(facts, reordered)).toEqual([]);
    expect(diffFacts(facts, { ...reordered, devices: [] })).toEqual([{ field: "devices" }]);
  });
});

describe("screenshot types by magic bytes", () => {
  it("recognises PNG, JPEG, WebP and HEIC, and nothing else", () => {
    expect(detectImageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(detectImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(detectImageType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(detectImageType(new TextEncoder().encode("\0\0\0\x18ftypheic\0\0\0\0"))).toBe("image/heic");
    expect(detectImageType(new TextEncoder().encode("<svg></svg>"))).toBeNull();
  });
});

describe("search tokens", () => {
  it("hold the words of the name, email, models and the case number", () => {
    expect(searchTokensOf(healthyFacts(), 1042)).toEqual(["ada", "customer", "example", "com", "pst", "1042", "iphone", "15", "pro"]);
  });

  it("are lower-cased, without diacritics, split on anything but letters and digits, unique", () => {
    const facts = healthyFacts({
      customer: { name: "María-José GARCÍA  Ødegård", email: "maria.garcia@example.com" },
      devices: [healthyDevice("iphone"), healthyDevice("mac", "mac", { model: "MacBook Pro (M3, 2023)" })],
    });
    expect(searchTokensOf(facts, 7)).toEqual(
      ["maria", "jose", "garcia", "ødegard", "example", "com", "pst", "7", "iphone", "15", "pro", "macbook", "m3", "2023"],
    );
    expect(searchTokensOf(healthyFacts({ customer: { name: "渡辺 さくら", email: null }, devices: [healthyDevice("windows")] }), 1)).toEqual(["渡辺", "さくら", "pst", "1", "dell", "xps", "13"]);
  });

  it("are capped in length and number", () => {
    const long = "x".repeat(100);
    const many = Array.from({ length: 300 }, (_, i) => `w${i}`).join(" ");
    // Beyond what the facts schema accepts for a name, so built without it.
    const withName = (name: string) => ({ ...healthyFacts(), customer: { name, email: null }, devices: [] });
    expect(searchTokensOf(withName(long), 1)[0]).toHaveLength(MAX_TOKEN_LENGTH);
    const capped = searchTokensOf(withName(many), 1);
    expect(capped).toHaveLength(MAX_TOKENS_PER_CASE);
    expect(capped[0]).toBe("w0");
  });

  it("query words are normalised the same way; empty or punctuation-only queries have none", () => {
    expect(searchWordsOf("  PST-1042 ")).toEqual(["pst", "1042"]);
    expect(searchWordsOf("García iPhone 15 Pro")).toEqual(["garcia", "iphone", "15", "pro"]);
    expect(searchWordsOf("MIA@HOME")).toEqual(["mia", "home"]);
    expect(searchWordsOf("")).toEqual([]);
    expect(searchWordsOf(" -@. ")).toEqual([]);
    // A word that is a prefix of another adds nothing; duplicates neither; at most 8 words.
    expect(searchWordsOf("pro p pro")).toEqual(["pro"]);
    expect(searchWordsOf("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10")).toHaveLength(8);
  });

  it("a prefix's upper bound is the next string after every extension of it, in byte order", () => {
    expect(prefixUpperBound("kenji")).toBe("kenjj");
    expect(prefixUpperBound("15")).toBe("16");
    expect(prefixUpperBound("a9")).toBe("a:");
    expect(prefixUpperBound("z")).toBe("{");
    expect(prefixUpperBound("\u{D7FF}")).toBe("\u{E000}");
    expect(prefixUpperBound("ab\u{10FFFF}")).toBe("ac");
    expect(prefixUpperBound("\u{10FFFF}")).toBeNull();
    // Byte ("C") order is code-point order: every extension sorts inside [word, bound), a non-extension outside.
    const bytes = (s: string) => Buffer.from(s, "utf8");
    const word = "mü";
    const bound = prefixUpperBound(word)!;
    for (const s of ["mü", "müller", "mü\u{10FFFF}", "mü😀"]) {
      expect(Buffer.compare(bytes(word), bytes(s))).toBeLessThanOrEqual(0);
      expect(Buffer.compare(bytes(s), bytes(bound))).toBe(-1);
    }
    for (const s of ["mv", "m", "mt", "mý"]) {
      const inside = Buffer.compare(bytes(word), bytes(s)) <= 0 && Buffer.compare(bytes(s), bytes(bound)) < 0;
      expect(inside).toBe(false);
    }
  });
});

describe("derived columns", () => {

  it("escalationReadyAt: ready now → now; waiting only for the window → its end; otherwise null", () => {
    const settings = DEFAULT_RULE_SETTINGS;
    const statusMessages = [{ deviceKey: "iphone", message: "waiting_to_upload" as const, text: "Waiting to Upload", observedAt: hoursBefore(1), screenshotId: null }];
    const facts = healthyFacts({ problemSince: hoursBefore(2), statusMessages, symptoms: ["stuck_waiting_to_upload"] });
    // Try every rule so only the time window can stand in the way.
    const steps = RULE_IDS.map((ruleId) => ({ ruleId, outcome: "no_change" as const, note: null, triedAt: new Date(NOW.getTime() - 60_000) }));
    expect(escalationReadiness(facts, steps, settings, NOW).ready).toBe(false);
    const windowEnd = new Date(new Date(facts.problemSince!).getTime() + 24 * 3_600_000);
    expect(escalationColumnsOf({ facts, steps, settings, now: NOW, previous: null })).toEqual({ escalationReadyAt: windowEnd, escalationBlockers: [] });
    const later = new Date(windowEnd.getTime() + 1000);
    expect(escalationColumnsOf({ facts, steps, settings, now: later, previous: windowEnd }).escalationReadyAt).toEqual(windowEnd);
    expect(escalationColumnsOf({ facts, steps: [], settings, now: NOW, previous: null }).escalationReadyAt).toBeNull();
  });

  it("escalationBlockers: what a person must still do, judged once the window has passed", () => {
    const settings = DEFAULT_RULE_SETTINGS;
    const base = healthyFacts({ problemSince: hoursBefore(2) });
    const facts = { ...base, devices: base.devices.map((device) => ({ ...device, osVersion: null })) };
    const { escalationReadyAt, escalationBlockers } = escalationColumnsOf({ facts, steps: [], settings, now: NOW, previous: null });
    expect(escalationReadyAt).toBeNull();
    // Two hours in, the window is not a blocker: time settles it. The missing OS version is one.
    expect(escalationBlockers).toContain("device_os_version_missing");
    expect(escalationBlockers).not.toContain("persistence_window");
    expect(escalationBlockers.some((code) => code.startsWith("step_not_tried:"))).toBe(true);
    expect(new Set(escalationBlockers).size).toBe(escalationBlockers.length);
  });
});
