import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { buildOpenApiDocument } from "@/lib/api/openapi-document";

// Checks answers against the served OpenAPI document with a JSON Schema validator that knows
// nothing of zod (ajv, draft 2020-12 = OpenAPI 3.1's dialect). tests/support/api-client.ts runs
// every integration-test call through `assertMatchesContract`, so a handler that drifts from the
// document fails CI.

export const openApiDocument = buildOpenApiDocument() as unknown as OpenApiDocument;

interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
  components: Record<string, unknown>;
}

const DOCUMENT_ID = "https://photo-sync-triage.invalid/openapi.json";
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats.default(ajv);
ajv.addSchema(openApiDocument as object, DOCUMENT_ID);

const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
const compiled = new Map<string, ValidateFunction>();

function validatorFor(path: string, method: string, status: string, mediaType: string): ValidateFunction {
  const ref = `${DOCUMENT_ID}#/${pointer("paths", path, method, "responses", status, "content", mediaType, "schema")}`;
  let validate = compiled.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    compiled.set(ref, validate);
  }
  return validate;
}

const templates = Object.keys(openApiDocument.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`),
}));

/** The documented path template a concrete path belongs to; literal segments win over `{params}`. */
function templateFor(path: string): string | undefined {
  const matches = templates.filter(({ pattern }) => pattern.test(path));
  return matches.sort((a, b) => a.template.split("{").length - b.template.split("{").length)[0]?.template;
}

/**
 * Throws, naming the operation and what differs, unless the document lists this status for the
 * operation and the body matches the schema documented for its content type.
 */
export function assertMatchesContract(method: string, rawPath: string, status: number, contentType: string, body: unknown): void {
  const path = new URL(rawPath, "http://localhost").pathname;
  // The document describes the API (/api/…); pages such as the customer's /c/{token} are HTML, not part of it.
  if (!path.startsWith("/api/")) return;
  const template = templateFor(path);
  const operation = template ? openApiDocument.paths[template]?.[method.toLowerCase()] : undefined;
  if (!template || !operation) {
    throw new Error(`${method} ${path} is not in the OpenAPI document: declare it in lib/<area>/<area>-operations.ts (see lib/api/api-operations.ts)`);
  }
  const response = operation.responses[String(status)];
  if (!response) {
    throw new Error(`${operation.operationId} (${method} ${template}) answered ${status}, which the document does not list (it lists ${Object.keys(operation.responses).join(", ")}); body: ${JSON.stringify(body).slice(0, 500)}`);
  }
  const mediaType = contentType.split(";")[0]!.trim();
  const documented = Object.keys(response.content ?? {});
  if (documented.length === 0) return;
  if (!documented.includes(mediaType)) {
    throw new Error(`${operation.operationId} answered ${status} as ${mediaType || "(no content type)"}; the document says ${documented.join(" or ")}`);
  }
  if (mediaType !== "application/json") return;
  const validate = validatorFor(template, method.toLowerCase(), String(status), mediaType);
  if (!validate(body)) {
    const problems = (validate.errors ?? []).slice(0, 8).map((error) => `${error.instancePath || "(body)"} ${error.message} ${JSON.stringify(error.params)}`);
    throw new Error(`${operation.operationId} answered ${status} with a body that does not match the document:\n  ${problems.join("\n  ")}`);
  }
}

/** Validates a value against a named component schema (for examples). */
export function componentValidator(name: string): ValidateFunction {
  return ajv.compile({ $ref: `${DOCUMENT_ID}#/components/schemas/${name}` });
}

export function mediaTypeValidator(path: string, method: string, status: string, mediaType = "application/json"): ValidateFunction {
  return validatorFor(path, method, status, mediaType);
}
