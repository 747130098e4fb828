import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { STATUS_MESSAGES } from "@/lib/facts/schema";
import { CRITERION_IDS } from "@/lib/rules/escalation-criteria";
import { CATEGORIES } from "@/lib/rules/categories";
import { RULE_IDS, RULES } from "@/lib/rules/catalog";
import { GUIDES, GUIDE_PASSAGES, type Encoder } from "@/lib/rules/guide-passages";
import { renderRulebook } from "@/lib/rules/rulebook-markdown";
import { WARNINGS } from "@/lib/rules/warnings";
import { explainStatusMessage } from "@/lib/rules/status-messages";

// The guides live beside the repo (SPEC: ../shared/guide/); the text checks skip when they are absent.
const GUIDE_DIR = resolve(__dirname, "../../../shared/guide");
const guidesPresent = existsSync(GUIDE_DIR);

const normalise = (line: string) => line.replace(/\*\*/g, "").replace(/\\/g, "").replace(/^\s*(?:•|\d+\.)\s*/, "").trim();

/** Content lines of a guide: no front matter, no headings, no table header rows. */
function contentLines(file: string): string[] {
  const text = readFileSync(resolve(GUIDE_DIR, file), "utf8");
  const body = text.startsWith("---") ? text.slice(text.indexOf("---", 3) + 3) : text;
  return body
    .split("\n")
    .map(normalise)
    .filter((line) => line.length > 0 && !line.startsWith("#"))
    // Headings and table headers in guide 000 are short lines without closing punctuation.
    .filter((line) => !(line.length < 70 && !/[.!?:;]$/.test(line)));
}

const KNOWN: Record<Encoder["kind"], ReadonlySet<string>> = {
  rule: new Set(RULE_IDS),
  warning: new Set(WARNINGS.map((warning) => warning.id)),
  status: new Set(STATUS_MESSAGES),
  criterion: new Set(CRITERION_IDS),
  tier: new Set(CATEGORIES),
};

describe("guide passage map", () => {
  it("maps every passage to at least one existing rule, warning, status, criterion or tier", () => {
    for (const passage of GUIDE_PASSAGES) {
      expect(passage.encodedBy.length, `${passage.id} is unmapped`).toBeGreaterThan(0);
      for (const encoder of passage.encodedBy) {
        expect(KNOWN[encoder.kind].has(encoder.id), `${passage.id} maps to unknown ${encoder.kind} ${encoder.id}`).toBe(true);
      }
    }
  });

  it("has unique passage ids", () => {
    const ids = GUIDE_PASSAGES.map((passage) => passage.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every rule, warning and status message at least one guide passage", () => {
    const used = (kind: Encoder["kind"]) =>
      new Set(GUIDE_PASSAGES.flatMap((passage) => passage.encodedBy.filter((encoder) => encoder.kind === kind).map((encoder) => encoder.id)));
    expect(RULES.filter((rule) => rule.guideRefs.length === 0).map((rule) => rule.id)).toEqual([]);
    expect(WARNINGS.map((warning) => warning.id).filter((id) => !used("warning").has(id))).toEqual([]);
    expect(STATUS_MESSAGES.filter((message) => !used("status").has(message))).toEqual([]);
    expect(CRITERION_IDS.filter((id) => !used("criterion").has(id))).toEqual([]);
  });

  describe.skipIf(!guidesPresent)("against the guide files", () => {
    for (const [guide, meta] of Object.entries(GUIDES)) {
      it(`guide ${guide}: every passage exists and every content line is mapped`, () => {
        const lines = contentLines(meta.file);
        const passages = GUIDE_PASSAGES.filter((passage) => passage.guide === guide);
        for (const passage of passages) {
          expect(lines.some((line) => line.startsWith(passage.firstWords)), `${passage.id} "${passage.firstWords}" not found`).toBe(true);
        }
        for (const line of lines) {
          expect(passages.some((passage) => line.startsWith(passage.firstWords)), `unmapped guide line: ${line.slice(0, 60)}`).toBe(true);
        }
      });
    }
  });
});

describe("docs/rulebook.md", () => {
  it("is up to date with the rule data (run `npm run docs:rulebook`)", () => {
    const onDisk = readFileSync(resolve(__dirname, "../../docs/rulebook.md"), "utf8");
    expect(onDisk === renderRulebook(), "docs/rulebook.md is stale: run npm run docs:rulebook").toBe(true);
  });

  it("lists every rule and every passage", () => {
    const markdown = renderRulebook();
    for (const id of RULE_IDS) expect(markdown).toContain(`\`${id}\``);
    for (const passage of GUIDE_PASSAGES) expect(markdown).toContain(`| ${passage.id} |`);
  });
});

describe("status messages", () => {
  it("explain themselves to agents and customers", () => {
    for (const message of STATUS_MESSAGES) {
      for (const audience of ["agent", "customer"] as const) {
        const explanation = explainStatusMessage(message, audience);
        expect(explanation.title.length).toBeGreaterThan(0);
        expect(explanation.explanation.length).toBeGreaterThan(0);
        expect(explanation.whatToDo.length).toBeGreaterThan(0);
      }
    }
    expect(explainStatusMessage("paused", "agent").explanation).toMatch(/Low Power Mode/);
    expect(explainStatusMessage("paused", "customer").whatToDo).toMatch(/plug your device in/);
  });
});

describe("catalog data", () => {
  it("has every SPEC id exactly once, with instructions for each platform it applies to", () => {
    expect(RULES.map((rule) => rule.id).sort()).toEqual([...RULE_IDS].sort());
    for (const rule of RULES) {
      for (const platform of rule.platforms) expect(rule.instructions[platform], `${rule.id} on ${platform}`).toBeDefined();
      expect(rule.version).toBeGreaterThanOrEqual(1);
      expect(rule.title.length).toBeGreaterThan(0);
      expect(rule.customerTitle.length).toBeGreaterThan(0);
    }
  });

  it("keeps sign-out last and the repair high risk", () => {
    expect(RULES.at(-1)?.id).toBe("sign-out-icloud");
    expect(RULES.find((rule) => rule.id === "repair-library-mac")?.risk).toBe("high");
  });
});
