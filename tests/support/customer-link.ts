import { GET as pageGet, POST as pagePost } from "@/app/c/[token]/route";
import { GET as jsonGet } from "@/app/api/c/[token]/route";
import { POST as jsonReport } from "@/app/api/c/[token]/steps/route";
import { rotateCustomerLink } from "@/lib/customer/rotate-customer-link";
import type { TenantContext } from "@/lib/tenancy/context";
import { call, type ApiResult } from "@/tests/support/api-client";

// Calls to the customer's link routes as a phone would make them, each from its own address
// unless told (so one test's rate-limit counters never touch another's).

let addressCounter = 0;
export const newAddress = () => `203.0.113.${(addressCounter = (addressCounter % 250) + 1)}`;

// The client's address as our HTTP server hands it to the app (scripts/serve.ts; the header's name
// is set by tests/support/integration-env.ts). X-Forwarded-For from a client means nothing.
const from = (address: string) => ({ [process.env.PST_CLIENT_IP_HEADER!]: address });

export async function issueLink(ctx: TenantContext, caseId: string): Promise<string> {
  return (await rotateCustomerLink(ctx, caseId)).token;
}

export interface PageResult extends ApiResult<Uint8Array> {
  html: string;
}

export async function openPage(token: string, address = newAddress(), query: Record<string, string> = {}): Promise<PageResult> {
  const res = await call<{ token: string }, Uint8Array>(pageGet, "GET", `/c/${token}`, { params: { token }, query, headers: from(address) });
  return { ...res, html: new TextDecoder().decode(res.body) };
}

export async function postForm(token: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<PageResult> {
  const res = await call<{ token: string }, Uint8Array>(pagePost, "POST", `/c/${token}`, {
    params: { token },
    rawBody: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", ...from(newAddress()), "sec-fetch-site": "same-origin", ...headers },
  });
  return { ...res, html: new TextDecoder().decode(res.body) };
}

export function getJson(token: string, address = newAddress()) {
  return call<{ token: string }>(jsonGet, "GET", `/api/c/${token}`, { params: { token }, headers: from(address) });
}

export function postReport(token: string, body: unknown, options: { rawBody?: string; headers?: Record<string, string> } = {}) {
  return call<{ token: string }>(jsonReport, "POST", `/api/c/${token}/steps`, {
    params: { token },
    body: options.rawBody === undefined ? body : undefined,
    rawBody: options.rawBody,
    headers: { "content-type": "application/json", ...from(newAddress()), ...options.headers },
  });
}
