import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// The independent contract and fuzz run (decision 0072): Portman turns the *served* OpenAPI
// document into a Postman collection with contract tests and variations (config in
// e2e/api-contract/), Newman runs it against the server Playwright started. Neither tool knows
// our code; both are driven by the document alone. Bounded: each tool has a hard time limit.

const CONFIG_DIR = path.resolve("e2e/api-contract");
const PORTMAN_TIMEOUT_MS = 180_000;
const NEWMAN_TIMEOUT_MS = 300_000;
// A 1×1 PNG, for the screenshot upload the document describes as binary.
const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

interface ExecutedRequest {
  name: string;
  method: string;
  /** Path template from the document, e.g. /api/v1/cases/{id}. */
  operation: string;
  variation: boolean;
  status: number;
  failures: string[];
}

export interface ContractRun {
  documentOperations: string[];
  requests: ExecutedRequest[];
}

export function runContractSuite(baseUrl: string, document: OpenApiDocument, apiToken: string): ContractRun {
  const dir = mkdtempSync(path.join(tmpdir(), "pst-contract-"));
  const file = (name: string) => path.join(dir, name);
  writeFileSync(file("openapi.json"), JSON.stringify(document));
  writeFileSync(file("status.png"), Buffer.from(TINY_PNG, "base64"));
  writeFileSync(file("environment.json"), JSON.stringify({ name: "e2e", values: [{ key: "apiToken", value: apiToken, enabled: true }] }));
  chmodSync(file("environment.json"), 0o600);

  tool("portman", [
    "--local", file("openapi.json"),
    "--portmanConfigFile", path.join(CONFIG_DIR, "portman-config.json"),
    "--postmanConfigFile", path.join(CONFIG_DIR, "postman-config.json"),
    "--baseUrl", baseUrl,
    "--output", file("collection.json"),
    "--warn", "false",
    "--logAssignVariables", "false",
  ], PORTMAN_TIMEOUT_MS);
  const collection = JSON.parse(readFileSync(file("collection.json"), "utf8")) as PostmanCollection;
  adjustRequests(collection.item, file("status.png"));
  writeFileSync(file("collection.json"), JSON.stringify(collection));

  // Newman exits non-zero when an assertion fails; the report says which, so read it either way.
  tool("newman", [
    "run", file("collection.json"),
    "--environment", file("environment.json"),
    "--reporters", "json",
    "--reporter-json-export", file("report.json"),
    "--timeout-request", "20000",
    "--timeout", String(NEWMAN_TIMEOUT_MS - 10_000),
  ], NEWMAN_TIMEOUT_MS, { allowFailure: true });
  const report = JSON.parse(readFileSync(file("report.json"), "utf8")) as NewmanReport;
  const templates = Object.keys(document.paths);
  return {
    documentOperations: templates.flatMap((template) => Object.keys(document.paths[template]!).map((method) => `${method.toUpperCase()} ${template}`)),
    requests: report.run.executions.map((execution) => {
      const requestPath = "/" + execution.request.url.path.join("/");
      return {
        name: execution.item.name,
        method: execution.request.method,
        operation: templateOf(templates, requestPath),
        variation: /\[[^\]]+\]/.test(execution.item.name),
        status: execution.response?.code ?? 0,
        failures: [
          ...(execution.requestError ? [`request failed: ${execution.requestError.message}`] : []),
          ...(execution.assertions ?? []).filter((assertion) => assertion.error).map((assertion) => `${assertion.assertion}: ${assertion.error!.message}`),
        ],
      };
    }),
  };
}

function tool(name: string, args: string[], timeout: number, options: { allowFailure?: boolean } = {}) {
  const result = spawnSync(path.resolve("node_modules/.bin", name), args, { encoding: "utf8", timeout, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`${name} did not finish: ${result.error.message}`);
  if (result.status !== 0 && !options.allowFailure) throw new Error(`${name} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

/**
 * What the collection cannot say by itself: the screenshot upload gets a real file (the document
 * can only say "binary"), and the NoToken variations send no credentials at all (Portman's
 * "remove" falls back to the collection's bearer token).
 */
function adjustRequests(items: PostmanItem[], screenshot: string) {
  for (const item of items) {
    if (item.item) adjustRequests(item.item, screenshot);
    if (!item.request) continue;
    if (item.request.method === "POST" && item.request.url.path.join("/") === "api/v1/attachments") {
      item.request.body = { mode: "formdata", formdata: [{ key: "file", type: "file", src: screenshot }] };
    }
    if (item.name.endsWith("[NoToken]")) item.request.auth = { type: "noauth" };
  }
}

function templateOf(templates: string[], requestPath: string): string {
  const matches = templates.filter((template) => new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(requestPath));
  return matches.sort((a, b) => a.split("{").length - b.split("{").length)[0] ?? requestPath;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

interface PostmanItem {
  name: string;
  item?: PostmanItem[];
  request?: { method: string; url: { path: string[] }; body?: unknown; auth?: unknown };
}

interface PostmanCollection {
  item: PostmanItem[];
}

interface NewmanReport {
  run: {
    executions: Array<{
      item: { name: string };
      request: { method: string; url: { path: string[] } };
      response?: { code: number };
      requestError?: { message: string };
      assertions?: Array<{ assertion: string; error?: { message: string } }>;
    }>;
  };
}
