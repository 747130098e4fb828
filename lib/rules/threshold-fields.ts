import { z } from "zod";
import { ruleThresholdsSchema } from "@/lib/rules/settings";

// Every threshold described from the schema alone (its JSON Schema: type, bounds, default and the
// label/unit/description metadata), so the admin form, its parsing and the unknown-key check
// never list thresholds by hand. A threshold added to lib/rules/settings.ts shows up everywhere.

export interface ThresholdField {
  /** Dotted path inside `thresholds`, e.g. "escalationHours" or "minOsVersion.ios". */
  key: string;
  label: string;
  unit: string | null;
  description: string | null;
  kind: "integer" | "number" | "text";
  defaultValue: number | string;
  /** Inclusive lower bound, or the exclusive one when `minExclusive`. */
  min: number | null;
  minExclusive: boolean;
  max: number | null;
}

export interface ThresholdGroup {
  /** null for the top-level thresholds; the nested object's key otherwise ("minOsVersion"). */
  key: string | null;
  label: string | null;
  description: string | null;
  fields: ThresholdField[];
}

interface JsonSchemaNode {
  type?: string;
  title?: string;
  unit?: string;
  description?: string;
  default?: unknown;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchemaNode>;
}

let cached: ThresholdGroup[] | null = null;

export function thresholdGroups(): ThresholdGroup[] {
  cached ??= buildGroups(z.toJSONSchema(ruleThresholdsSchema, { io: "input" }) as JsonSchemaNode);
  return cached;
}

export function thresholdFields(): ThresholdField[] {
  return thresholdGroups().flatMap((group) => group.fields);
}

function buildGroups(root: JsonSchemaNode): ThresholdGroup[] {
  const top: ThresholdGroup = { key: null, label: null, description: null, fields: [] };
  const nested: ThresholdGroup[] = [];
  for (const [key, node] of Object.entries(root.properties ?? {})) {
    if (node.type === "object") {
      nested.push({
        key,
        label: node.title ?? humanise(key),
        description: node.description ?? null,
        fields: Object.entries(node.properties ?? {}).map(([inner, child]) => field(`${key}.${inner}`, inner, child)),
      });
    } else {
      top.fields.push(field(key, key, node));
    }
  }
  return [top, ...nested].filter((group) => group.fields.length > 0);
}

function field(key: string, name: string, node: JsonSchemaNode): ThresholdField {
  return {
    key,
    label: node.title ?? humanise(name),
    unit: node.unit ?? null,
    description: node.description ?? null,
    kind: node.type === "integer" ? "integer" : node.type === "number" ? "number" : "text",
    defaultValue: node.default as number | string,
    min: node.exclusiveMinimum ?? node.minimum ?? null,
    minExclusive: node.exclusiveMinimum !== undefined,
    max: node.maximum ?? null,
  };
}

/** "customerLinkDays" → "Customer link days": a readable label for a threshold added without one. */
function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Paths inside `thresholds` that name no threshold ("escalationHour", "minOsVersion.android"). */
export function unknownThresholdPaths(raw: unknown): string[] {
  if (!isPlainObject(raw)) return [];
  const known = new Set(thresholdFields().map((f) => f.key));
  const groups = new Set(thresholdGroups().flatMap((g) => (g.key ? [g.key] : [])));
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (groups.has(key) && isPlainObject(value)) {
      for (const inner of Object.keys(value)) if (!known.has(`${key}.${inner}`)) unknown.push(`${key}.${inner}`);
    } else if (!known.has(key) && !groups.has(key)) {
      unknown.push(key);
    }
  }
  return unknown;
}

/** The value at a threshold's dotted key. */
export function thresholdValue(thresholds: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (isPlainObject(node) ? node[part] : undefined), thresholds);
}

/**
 * Thresholds from form fields named `thresholds.<key>`: numbers where the field is numeric (text
 * that is not a number is passed on, so validation names the field and its unit), empty = default.
 */
export function thresholdsFromForm(get: (name: string) => string | null): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const f of thresholdFields()) {
    const raw = get(`thresholds.${f.key}`)?.trim() ?? "";
    if (raw === "") continue;
    const value = f.kind === "text" ? raw : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    const parts = f.key.split(".");
    let node = result;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
