import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { toCsv } from "@/lib/metrics/csv";
import { parseMetricsQuery } from "@/lib/metrics/metrics-query";
import { wilsonInterval } from "@/lib/util/wilson";

const NOW = new Date("2026-11-21T15:30:00Z");
const parse = (query: Record<string, string>) => parseMetricsQuery(new URLSearchParams(query), { now: NOW });
const fieldsOf = (query: Record<string, string>) => {
  try {
    parse(query);
  } catch (error) {
    if (error instanceof AppError) return error.details.fields?.map((field) => field.path);
  }
  return "no error";
};

describe("metrics query", () => {
  it("defaults to the 90 days up to today (UTC), both days included", () => {
    const query = parse({});
    expect([query.from, query.to]).toEqual(["2026-08-24", "2026-11-21"]);
    expect(query.start.toISOString()).toBe("2026-08-24T00:00:00.000Z");
    expect(query.end.toISOString()).toBe("2026-11-22T00:00:00.000Z");
    expect(parse({ from: "2026-11-01" }).to).toBe("2026-11-21");
    expect(parse({ to: "2026-10-31" }).from).toBe("2026-08-03");
  });

  it("allows 731 days and refuses 732, naming the parameter", () => {
    expect(parse({ from: "2024-11-21", to: "2026-11-21" }).from).toBe("2024-11-21");
    expect(fieldsOf({ from: "2024-11-20", to: "2026-11-21" })).toEqual(["to"]);
    expect(fieldsOf({ from: "2024-11-20" })).toEqual(["from"]);
    expect(fieldsOf({ from: "2026-11-02", to: "2026-11-01" })).toEqual(["from"]);
    expect(fieldsOf({ from: "2026-11-01", to: "2026-11-01" })).toBe("no error");
  });

  it("names unknown, repeated and malformed parameters; empty values mean absent", () => {
    expect(fieldsOf({ platform: "android" })).toEqual(["platform"]);
    expect(fieldsOf({ range: "30d" })).toEqual(["range"]);
    expect(fieldsOf({ table: "weeks" })).toEqual(["table"]);
    expect(() => parseMetricsQuery(new URLSearchParams("from=2026-01-01&from=2026-02-01"))).toThrow(/more than once/);
    expect(parse({ platform: "", from: "" }).platform).toBeNull();
    expect(parseMetricsQuery(new URLSearchParams({ table: "blockers" }), { tables: ["weeks", "blockers"] }).table).toBe("blockers");
    expect(parseMetricsQuery(new URLSearchParams(), { tables: ["weeks", "blockers"] }).table).toBe("weeks");
  });
});

describe("Wilson interval", () => {
  it("matches hand-computed bounds and stays within 0 and 1", () => {
    const round = (n: number) => Math.round(n * 10_000) / 10_000;
    const interval = wilsonInterval(41, 212)!;
    expect([round(interval.rate), round(interval.low), round(interval.high)]).toEqual([0.1934, 0.1459, 0.2518]);
    expect(wilsonInterval(0, 1)).toMatchObject({ rate: 0, low: 0 });
    expect(wilsonInterval(5, 5)!.high).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("CSV", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(toCsv(["a", "b", "c", "d"], [["x,y", 'say "hi"', "=HYPERLINK(1)", null], [-1, 0.25, true, "plain"]])).toBe(
      'a,b,c,d\r\n"x,y","say ""hi""",\'=HYPERLINK(1),\r\n-1,0.25,true,plain\r\n',
    );
  });
});
