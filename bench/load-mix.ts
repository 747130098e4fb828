import type { Request as AutocannonRequest } from "autocannon";
import { seededRandom } from "@/lib/util/seeded-random";
import { percentile } from "./support/measure";

// The request mix of bench:load (issue 14): 70% reads (list 35, open 35), 20% step records,
// 10% creates and edits (5 + 5). Each request picks its operation at random with those weights,
// from a fixed PRNG so runs are comparable. Edits send the version last seen for their case and
// check a case out while in flight, so two clients never race on one version (a 409 would be the
// benchmark's fault, not the server's).

export type Operation = "list" | "open" | "step" | "create" | "edit";
const WEIGHTS: [Operation, number][] = [["list", 35], ["open", 35], ["step", 20], ["create", 5], ["edit", 5]];

export interface MixFixtures {
  tokens: string[];
  /** Cases to open and record steps on. */
  readCaseIds: string[];
  /** Cases only edits touch, with their current version. */
  editCases: { id: string; version: number }[];
}


type Context = { op?: Operation; started?: number; editCase?: { id: string; version: number } };

export function requestMix(fixtures: MixFixtures) {
  const random = seededRandom(14);
  const freeEdits = [...fixtures.editCases];
  const latencies = new Map<Operation, number[]>(WEIGHTS.map(([op]) => [op, []]));
  const statuses = new Map<string, number>();
  let created = 0;
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const choose = (): Operation => {
    let roll = random() * 100;
    for (const [op, weight] of WEIGHTS) if ((roll -= weight) < 0) return op;
    return "list";
  };

  const setupRequest = (request: AutocannonRequest, state: object): AutocannonRequest => {
    const context = state as Context;
    let op = choose();
    if (op === "edit" && freeEdits.length === 0) op = "open";
    const headers = { authorization: `Bearer ${pick(fixtures.tokens)}`, "content-type": "application/json" };
    context.op = op;
    context.started = performance.now();
    context.editCase = undefined; // autocannon keeps one state per connection across its requests
    switch (op) {
      case "list": {
        const q = random() < 0.3 ? `&q=${pick(["maria", "tanaka", "pst-42", "kalo"])}` : "";
        return { ...request, method: "GET", path: `/api/v1/cases?status=open,waiting_on_customer&platform=${pick(["mac", "iphone"])}${q}`, headers, body: undefined };
      }
      case "open":
        return { ...request, method: "GET", path: `/api/v1/cases/${pick(fixtures.readCaseIds)}`, headers, body: undefined };
      case "step":
        return {
          ...request,
          method: "POST",
          path: `/api/v1/cases/${pick(fixtures.readCaseIds)}/steps`,
          headers,
          body: JSON.stringify({ ruleId: pick(["restart-device", "stable-wifi", "update-os"]), outcome: pick(["no_change", "worse", "skipped"]) }),
        };
      case "create":
        created += 1;
        return { ...request, method: "POST", path: "/api/v1/cases", headers, body: JSON.stringify(intakeBody(created)) };
      case "edit": {
        const editCase = freeEdits.pop()!;
        context.editCase = editCase;
        const status = editCase.version % 2 === 0 ? "waiting_on_customer" : "open";
        return { ...request, method: "PATCH", path: `/api/v1/cases/${editCase.id}`, headers, body: JSON.stringify({ version: editCase.version, status }) };
      }
    }
  };

  const onResponse = (status: number, body: string, state: object) => {
    const context = state as Context;
    const op = context.op!;
    latencies.get(op)!.push(performance.now() - context.started!);
    statuses.set(`${op} ${status}`, (statuses.get(`${op} ${status}`) ?? 0) + 1);
    if (context.editCase) {
      const version = status === 200 ? (JSON.parse(body) as { version: number }).version : context.editCase.version;
      freeEdits.push({ id: context.editCase.id, version });
    }
  };

  return {
    requests: [{ setupRequest, onResponse }],
    /** Forgets the figures so far (after a warm-up on the same mix, which keeps the edits' versions). */
    resetReport: () => {
      for (const samples of latencies.values()) samples.length = 0;
      statuses.clear();
    },
    /** p50/p95 per operation, as seen by the client (ms), and how many answered with each status. */
    report: () => ({
      perOperation: WEIGHTS.map(([op]) => {
        const samples = latencies.get(op)!;
        return { op, count: samples.length, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
      }),
      statuses: Object.fromEntries([...statuses].sort()),
    }),
  };
}

function intakeBody(index: number) {
  return {
    customer: { name: `Load Customer ${index}`, email: `load-${index}@intake.example` },
    devices: [
      { key: "iphone-1", platform: "iphone", model: "iPhone 15 Pro", osVersion: "17.5", network: "wifi" },
      { key: "mac-1", platform: "mac", model: "MacBook Air", osVersion: "14.5" },
    ],
    statusMessages: [{ deviceKey: "iphone-1", message: "waiting_to_upload", text: "Waiting to Upload 212 Items", observedAt: new Date().toISOString() }],
    symptoms: ["stuck_waiting_to_upload"],
  };
}
