import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/cases/list-cursor";
import { listQueryFromSearchParams, listQueryToSearchParams } from "@/lib/cases/list-query-params";
import { listCasesSchema } from "@/lib/cases/case-schemas";
import { diffFacts } from "@/lib/cases/facts-diff";
import { mergeFacts } from "@/lib/cases/merge-facts";
import { detectImageType } from "@/lib/cases/image-type";
import { escalationReadyAtOf, searchTextOf } from "@/lib/cases/derived-columns";
import { DEFAULT_RULE_SETTINGS } from "@/lib/rules/settings";
import { RULE_IDS } from "@/lib/rules/rule-ids";
import { escalationReadiness } from "@/lib/escalation/readiness";
import { healthyDevice, healthyFacts, hoursBefore, NOW } from "@/tests/support/facts-factory";

describe("list cursor", () => {
  it("round-trips and refuses another sort or garbage", () => {
    const cursor = encodeCursor({ sort: "updatedAt", dir: "desc", value: "2024-06-01T12:00:00.000Z", id: "0197a000-0000-7000-8000-000000000001" });
    expect(decodeCursor(cursor, "updatedAt", "desc").id).toBe("0197a000-0000-7000-8000-000000000001");
    expect(() => decodeCursor(cursor, "number", "desc")).toThrow(/different sort/);
    expect(() => decodeCursor("!!!", "updatedAt", "desc")).toThrow(/not valid/);
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

describe("derived columns", () => {
  it("search text holds name, email, models and both spellings of the number", () => {
    expect(searchTextOf(healthyFacts(), 1042)).toBe("ada customer ada@example.com iphone 15 pro pst-1042 1042");
  });

  it("escalationReadyAt: ready now → now; waiting only for the window → its end; otherwise null", () => {
    const settings = DEFAULT_RULE_SETTINGS;
    const statusMessages = [{ deviceKey: "iphone", message: "waiting_to_upload" as const, text: "Waiting to Upload", observedAt: hoursBefore(1), screenshotId: null }];
    const facts = healthyFacts({ problemSince: hoursBefore(2), statusMessages, symptoms: ["stuck_waiting_to_upload"] });
    // Try every rule so only the time window can stand in the way.
    const steps = RULE_IDS.map((ruleId) => ({ ruleId, outcome: "no_change" as const, note: null, triedAt: new Date(NOW.getTime() - 60_000) }));
    expect(escalationReadiness(facts, steps, settings, NOW).ready).toBe(false);
    const windowEnd = new Date(new Date(facts.problemSince!).getTime() + 24 * 3_600_000);
    expect(escalationReadyAtOf({ facts, steps, settings, now: NOW, previous: null })).toEqual(windowEnd);
    const later = new Date(windowEnd.getTime() + 1000);
    expect(escalationReadyAtOf({ facts, steps, settings, now: later, previous: windowEnd })).toEqual(windowEnd);
    expect(escalationReadyAtOf({ facts, steps: [], settings, now: NOW, previous: null })).toBeNull();
  });
});
