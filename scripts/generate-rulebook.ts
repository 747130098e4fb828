// Writes docs/rulebook.md from the rule data; with --check, fails (exit 1) when the file is stale.
// Usage: npm run docs:rulebook   |   npm run docs:rulebook:check
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderRulebook } from "@/lib/rules/rulebook-markdown";

const target = resolve(dirname(fileURLToPath(import.meta.url)), "..", "docs", "rulebook.md");

async function main(): Promise<void> {
  const expected = renderRulebook();
  if (process.argv.includes("--check")) {
    const actual = await readFile(target, "utf8").catch(() => null);
    if (actual !== expected) {
      console.error(
        actual === null
          ? "docs/rulebook.md is missing. Run `npm run docs:rulebook` and commit the result."
          : "docs/rulebook.md is out of date with lib/rules. Run `npm run docs:rulebook` and commit the result.",
      );
      process.exit(1);
    }
    console.log("docs/rulebook.md is up to date.");
    return;
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, expected);
  console.log(`Wrote ${target}`);
}

await main();
