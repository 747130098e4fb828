import { describe, expect, it } from "vitest";
import { formatZonedDateTime, relativeTime } from "@/components/case/format";

const NOW = Date.parse("2026-11-21T12:00:00Z");
const at = (ms: number) => new Date(NOW + ms).toISOString();
const MIN = 60_000;
const H = 60 * MIN;

describe("relative time", () => {
  it.each([
    [at(-20_000), "just now"],
    [at(30_000), "just now"],
    [at(-50_000), "1 min ago"],
    [at(-12 * MIN), "12 min ago"],
    [at(-3 * H - 59 * MIN), "3 h ago"],
    [at(5 * H + 10 * MIN), "in 5 h"],
    [at(-26 * H), "1 d ago"],
    [at(3 * 24 * H), "in 3 d"],
  ])("%s reads %s", (iso, expected) => {
    expect(relativeTime(iso, NOW)).toBe(expected);
  });

  it("gives the date itself past a month, in the viewer's time zone", () => {
    expect(relativeTime("2026-09-30T23:30:00Z", NOW, "UTC")).toBe("30 Sept 2026");
    expect(relativeTime("2026-09-30T23:30:00Z", NOW, "Pacific/Auckland")).toBe("1 Oct 2026");
  });

  it("names the zone in the exact time", () => {
    expect(formatZonedDateTime("2026-11-21T23:47:00Z", "Europe/Berlin")).toMatch(/22 Nov 2026.*00:47.*(CET|GMT\+1)/);
    expect(relativeTime("not a date", NOW)).toBe("—");
  });
});
