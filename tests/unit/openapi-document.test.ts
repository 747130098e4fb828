import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS } from "@/lib/api/api-operations";
import { minimumRole } from "@/lib/api/api-operation";
import { buildOpenApiDocument } from "@/lib/api/openapi-document";
import { caseViewExample } from "@/lib/api/examples/case-examples";
import { componentValidator, mediaTypeValidator, openApiDocument } from "../support/openapi-contract";

// The served document is valid OpenAPI 3.1 (checked by a validator that knows nothing of zod),
// complete for each operation, reproducible, and its examples are what the API really accepts
// and answers.

type Operation = { operationId: string; security?: unknown[]; responses: Record<string, unknown>; "x-required-role"?: string };
const operations = Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation: operation as unknown as Operation })),
);

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 by the specification's own JSON Schema", { timeout: 30_000 }, async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openApiDocument) as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("is the same on every build (no clock, no randomness)", () => {
    expect(JSON.stringify(buildOpenApiDocument())).toBe(JSON.stringify(openApiDocument));
  });

  it("lists every declared operation once, with a unique operationId", () => {
    expect(operations).toHaveLength(API_OPERATIONS.length);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("says which role each staff operation needs and answers 401/403 for it", () => {
    for (const declared of API_OPERATIONS.filter((operation) => operation.access.kind === "staff")) {
      const { operation } = operations.find((entry) => entry.path === declared.path && entry.method === declared.method)!;
      const permission = declared.access.kind === "staff" ? declared.access.permission : null;
      expect(operation["x-required-role"], declared.operationId).toBe(minimumRole(permission!));
      expect(Object.keys(operation.responses), declared.operationId).toEqual(expect.arrayContaining(["401", "403", "503"]));
    }
  });

  it("documents an ErrorBody for every error status of every operation", () => {
    let checked = 0;
    for (const { operationId, responses } of operations.map(({ operation }) => operation)) {
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) < 400) continue;
        checked += 1;
        expect(response, `${operationId} ${status}`).toMatchObject({ content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } } });
      }
    }
    expect(checked).toBeGreaterThan(operations.length * 2);
  });

  it("lets public and customer-link operations be called without the Bearer scheme", () => {
    for (const declared of API_OPERATIONS.filter((operation) => operation.access.kind !== "staff")) {
      const { operation } = operations.find((entry) => entry.path === declared.path && entry.method === declared.method)!;
      expect(operation.security, declared.operationId).toEqual([]);
    }
  });
});

describe("the document's examples", () => {
  it("request examples are accepted by the very schemas the handlers parse with", () => {
    const withExamples = API_OPERATIONS.filter((operation) => operation.request?.example !== undefined);
    expect(withExamples.length).toBeGreaterThanOrEqual(4);
    for (const operation of withExamples) {
      const result = operation.request!.body!.safeParse(operation.request!.example);
      expect(result.error?.issues ?? [], operation.operationId).toEqual([]);
    }
  });

  it("response examples match the documented answer", () => {
    const withExamples = API_OPERATIONS.filter((operation) => operation.response.example !== undefined);
    expect(withExamples.length).toBeGreaterThanOrEqual(2);
    for (const operation of withExamples) {
      const validate = mediaTypeValidator(operation.path, operation.method, String(operation.response.status));
      expect(validate(operation.response.example) ? [] : validate.errors, operation.operationId).toEqual([]);
    }
  });

  it("the case example comes from the demo data through the real rulebook", () => {
    const example = caseViewExample();
    expect(componentValidator("Case")(example)).toBe(true);
    expect(example.suggestions.length).toBeGreaterThan(3);
    expect(example.suggestions.map((suggestion) => suggestion.ruleId)).toContain("disable-low-power-mode");
    expect(example.escalation.ready).toBe(false);
  });
});
