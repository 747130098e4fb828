import { z } from "zod";
import { defineOperations } from "@/lib/api/api-operation";
import { ESCALATION_TABLES } from "@/lib/metrics/escalations";
import { metricsQuerySchema } from "@/lib/metrics/metrics-query";
import { ageingSchema, escalationsSchema, fixEffectivenessSchema } from "@/lib/metrics/metrics-schemas";

// The contracts of app/api/v1/metrics/** (supervisors' metrics, SPEC §5 and decision 0042). Each
// answers JSON, or with `format=csv` the same figures as a CSV download.

const csv = z.string().meta({ description: "Comma-separated values with a header row (RFC 4180); downloaded as an attachment" });
const csvHeaders = z.object({
  "Content-Disposition": z.string().meta({ example: 'attachment; filename="fix-effectiveness_2026-08-24_2026-11-21.csv"' }),
});
const RANGE =
  "`from`/`to` are UTC days, both included (default: the last 90 days; at most 731). An unknown parameter, a malformed day, `from` after `to` or a range over two years is a `400` naming the parameter.";
const baseQuery = metricsQuerySchema.omit({ table: true });

export const METRICS_OPERATIONS = defineOperations({
  getFixEffectiveness: {
    method: "get",
    path: "/api/v1/metrics/fix-effectiveness",
    summary: "Fix effectiveness per rule",
    description: `Per rule, then per platform × OS major: attempts, outcomes and the resolve rate with a 95% Wilson interval. ${RANGE}`,
    tag: "Metrics",
    access: { kind: "staff", permission: "metrics:read" },
    request: { query: baseQuery },
    response: { status: 200, description: "The figures (JSON, or CSV with `format=csv`)", body: fixEffectivenessSchema, otherBodies: { "text/csv": csv }, headers: csvHeaders.partial() },
    errors: [400],
  },
  getAgeing: {
    method: "get",
    path: "/api/v1/metrics/ageing",
    summary: "Ageing of unresolved cases",
    description: `Unresolved cases now, by problem age and by time since last activity, per status. A snapshot: \`from\`/\`to\` are validated but do not narrow it. ${RANGE}`,
    tag: "Metrics",
    access: { kind: "staff", permission: "metrics:read" },
    request: { query: baseQuery },
    response: { status: 200, description: "The figures (JSON, or CSV with `format=csv`)", body: ageingSchema, otherBodies: { "text/csv": csv }, headers: csvHeaders.partial() },
    errors: [400],
  },
  getEscalations: {
    method: "get",
    path: "/api/v1/metrics/escalations",
    summary: "Escalations and time to resolve, per week",
    description: `Per ISO week: resolved, escalated, returned, escalation rate, median hours to escalate, median and p90 hours to resolve; readiness blockers of open cases now. With \`format=csv\`, \`table\` picks the weeks (default) or the blockers. ${RANGE}`,
    tag: "Metrics",
    access: { kind: "staff", permission: "metrics:read" },
    request: {
      query: baseQuery.extend({ table: z.enum(ESCALATION_TABLES).optional().meta({ description: "Which table `format=csv` downloads (default `weeks`)" }) }),
    },
    response: { status: 200, description: "The figures (JSON, or CSV with `format=csv`)", body: escalationsSchema, otherBodies: { "text/csv": csv }, headers: csvHeaders.partial() },
    errors: [400],
  },
});
