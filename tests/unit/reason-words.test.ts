import { describe, expect, it } from "vitest";
import { reasonSentence } from "@/lib/rules/reason-words";

describe("reasonSentence", () => {
  it("capitalises the first letter of a reason", () => {
    expect(reasonSentence(["paused was seen on the iPhone"])).toBe("Paused was seen on the iPhone");
  });
  it("keeps Apple's lower-case i at the start (iCloud, iPhone)", () => {
    expect(reasonSentence(["iCloud Photos is off on the Mac"])).toBe("iCloud Photos is off on the Mac");
    expect(reasonSentence(["iPhone storage is low"])).toBe("iPhone storage is low");
  });
});
