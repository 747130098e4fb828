import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { errorBodySchema } from "@/lib/errors/error-body";
import { ACCESS_ERRORS, minimumRole, type ApiOperation, type ErrorStatus } from "@/lib/api/api-operation";
import { API_OPERATIONS, API_TAGS } from "@/lib/api/api-operations";

// The OpenAPI 3.1 document of the public API, built from the operations' zod schemas (zod-openapi
// renders them with zod's own JSON Schema converter: requests as input, answers as output).
// Served at GET /api/v1/openapi.json and rendered at /api/docs. Decision 0070.

const API_VERSION = "1.0.0";

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: "Bad input: `error.fields` names each bad field (unknown keys included); nothing was written",
  401: "No credentials, or an API token that is unknown, expired or revoked",
  403: "The caller's role may not do this (or a browser-session write from another site)",
  404: "Not found in the caller's tenant (another tenant's ids answer the same)",
  409: "Conflict: a stale `version` (the body carries `currentVersion`), a reused Idempotency-Key, or a step the case's state refuses (e.g. not ready to escalate, already resolved)",
  410: "The customer link was revoked or has expired; no case data",
  413: "The request body is over the size limit",
  429: "Too many requests; retry after `Retry-After` seconds",
  503: "The database is unreachable; retry after `Retry-After` seconds",
};

const ERROR_HEADERS: Partial<Record<ErrorStatus, z.ZodObject>> = {
  401: z.object({ "WWW-Authenticate": z.string().meta({ example: 'Bearer realm="api"' }) }),
  429: z.object({ "Retry-After": z.string().meta({ description: "Seconds to wait" }) }),
  503: z.object({ "Retry-After": z.string().meta({ description: "Seconds to wait", example: "5" }) }),
};

const SECURITY_SCHEME = "apiToken";

export function buildOpenApiDocument(operations: readonly ApiOperation[] = API_OPERATIONS) {
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Photo Sync Triage API",
        version: API_VERSION,
        description: [
          "Triage of “iCloud Photos won't sync” cases for support desks: cases with structured facts, suggested fixes in the guides' order, tried steps, escalation readiness.",
          "",
          "**Authentication.** Send a tenant API token as `Authorization: Bearer pst_…`. The token's tenant scopes everything; its role (`agent` < `supervisor` < `admin`) is checked like a person's. Each operation says the lowest role it needs (`x-required-role`). A signed-in browser session works too (same-origin writes only).",
          "",
          "**Errors.** Every error answers the `ErrorBody` JSON. Bad input is a `400` naming each bad field; nothing is half-written. Another tenant's ids answer `404`.",
          "",
          "**Idempotency.** `POST /api/v1/cases` honours an `Idempotency-Key` header: a retry with the same key and body answers the first result (`Idempotent-Replayed: true`); the same key with another body is a `409`.",
        ].join("\n"),
      },
      servers: [{ url: "/", description: "This deployment" }],
      tags: API_TAGS,
      security: [{ [SECURITY_SCHEME]: [] }],
      components: {
        securitySchemes: {
          [SECURITY_SCHEME]: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "pst_…",
            description: "A tenant API token. `npm run tenant:create` prints an admin token; admins mint narrower ones.",
          },
        },
      },
      paths: pathsOf(operations),
    },
  );
}

function pathsOf(operations: readonly ApiOperation[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of operations) {
    const item = (paths[operation.path] ??= {});
    if (item[operation.method]) throw new Error(`${operation.method.toUpperCase()} ${operation.path} is declared twice`);
    item[operation.method] = operationObject(operation);
  }
  return paths;
}

function operationObject(operation: ApiOperation): ZodOpenApiOperationObject {
  const { access, request } = operation;
  const role = access.kind === "staff" ? minimumRole(access.permission) : null;
  const who =
    access.kind === "staff"
      ? `**Needs** an API token or session with role \`${role}\` or higher (permission \`${access.permission}\`).`
      : access.kind === "customer_link"
        ? "**No account:** the customer link's token in the path is the credential."
        : "**Public:** no credentials needed.";
  const requestBody = request?.body || request?.otherBodies
    ? {
        required: true,
        content: {
          ...(request.body ? { "application/json": { schema: request.body, ...(request.example !== undefined ? { example: request.example } : {}) } } : {}),
          ...Object.fromEntries(Object.entries(request.otherBodies ?? {}).map(([type, schema]) => [type, { schema }])),
        },
      }
    : undefined;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: [operation.description, who].filter(Boolean).join("\n\n"),
    tags: [operation.tag],
    ...(access.kind === "staff" ? { "x-required-role": role, "x-permission": access.permission } : { security: [] }),
    ...(request?.path || request?.query || request?.headers
      ? {
          requestParams: {
            ...(request.path ? { path: request.path } : {}),
            ...(request.query ? { query: request.query } : {}),
            ...(request.headers ? { header: request.headers } : {}),
          },
        }
      : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: responsesOf(operation),
  };
}

function responsesOf(operation: ApiOperation): ZodOpenApiResponsesObject {
  const { response } = operation;
  const content = {
    ...(response.body ? { "application/json": { schema: response.body, ...(response.example !== undefined ? { example: response.example } : {}) } } : {}),
    ...Object.fromEntries(Object.entries(response.otherBodies ?? {}).map(([type, schema]) => [type, { schema }])),
  };
  const responses: Record<string, ZodOpenApiResponsesObject[keyof ZodOpenApiResponsesObject]> = {};
  for (const success of [{ status: response.status, description: response.description }, ...(response.alsoAnswers ?? [])]) {
    responses[String(success.status)] = {
      description: success.description,
      ...(Object.keys(content).length > 0 ? { content } : {}),
      ...(response.headers ? { headers: response.headers } : {}),
    };
  }
  // A body over the size limit is a 413 wherever a body is taken (docs/decisions/0050).
  const takesBody = Boolean(operation.request?.body ?? operation.request?.otherBodies) || operation.method !== "get";
  const statuses = [...new Set([...operation.errors, ...ACCESS_ERRORS[operation.access.kind], ...(takesBody ? [413 as const] : [])])].sort((a, b) => a - b);
  for (const status of statuses) {
    const headers = ERROR_HEADERS[status];
    responses[String(status)] = {
      description: ERROR_DESCRIPTIONS[status],
      content: { "application/json": { schema: errorBodySchema } },
      ...(headers ? { headers } : {}),
    };
  }
  return responses;
}
