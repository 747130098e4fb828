import fc from "fast-check";

// Generated and mutated inputs for the API fuzz test: values that have broken APIs before
// (huge and negative numbers, NUL and control characters, long and odd strings, impossible dates,
// wrong types, unknown keys, deep nesting), applied anywhere in a valid request.

const NASTY_STRINGS = [
  "", " ", "\u0000", "a\u0000b", "\u202e", "\ud800", "💥", "x".repeat(5_000), "../../etc/passwd", "<script>alert(1)</script>",
  "' OR 1=1 --", "%00", "NaN", "Infinity", "-1", "1e400", "2024-13-45T99:99:99Z", "-100000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z",
  "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "__proto__", "constructor", "windows", "iphone", "resolved", "open", "true", "null",
];
const NASTY_NUMBERS = [0, -1, 1.5, -0.0001, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 3_000_000_000, 2 ** 53, 1e21, 1e308, -1e308, Number.MIN_VALUE];

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_NUMBERS, null, true, false, [], {}, [[[[]]]], { a: { b: { c: {} } } }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 3 }),
);

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...prefix, index], out));
  else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  return out;
}

function setAt(root: unknown, path: Path, value: unknown, mode: "set" | "delete" | "add-key"): unknown {
  if (path.length === 0) return mode === "set" ? value : root;
  if (!root || typeof root !== "object") return root; // an earlier change replaced the structure
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path.slice(0, -1)) {
    const next = node[step];
    if (!next || typeof next !== "object") return copy;
    node = next as Record<string | number, unknown>;
  }
  const last = path.at(-1)!;
  if (mode === "delete") {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else if (mode === "add-key") {
    const target = node[last];
    if (target && typeof target === "object" && !Array.isArray(target)) (target as Record<string, unknown>)[`unexpected${String(value).length % 7}`] = value;
    else node[last] = value;
  } else node[last] = value;
  return copy;
}

/** A valid body with one to three things changed anywhere in it, or something else entirely. */
export function mutatedBody(sample: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(sample);
  const mutation = fc.tuple(fc.constantFrom(...paths), nastyValue, fc.constantFrom<"set" | "delete" | "add-key">("set", "set", "delete", "add-key"));
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((changes) => changes.reduce((body, [path, value, mode]) => setAt(body, path, value, mode), sample)) },
    { weight: 1, arbitrary: fc.constant(sample) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }).map((value) => JSON.parse(JSON.stringify(value ?? null) ?? "null")) },
  );
}

/** Bytes that are not JSON, not UTF-8, or JSON the parser chokes on. */
export const rawBody: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.constantFrom("{", "[]]", '{"a":1}{', "\u0000", '{"__proto__":{"x":1}}', `${"[".repeat(5_000)}${"]".repeat(5_000)}`, '"\\ud800"').map((text) => new TextEncoder().encode(text)),
);

/** A route parameter: the real one, another tenant's, an unknown id, or garbage. */
export function paramValue(valid: string[], foreign: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...valid) },
    { weight: 2, arbitrary: fc.constantFrom(...foreign) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 60 }), fc.string({ unit: "binary", maxLength: 60 })) },
  );
}

/** A query string: known parameters with odd values, unknown parameters, repeats. */
export function queryParams(known: string[]): fc.Arbitrary<[string, string][]> {
  const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known, "limit", "cursor") }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
  const value = fc.oneof(nastyValue.map((inner) => (typeof inner === "string" ? inner : JSON.stringify(inner) ?? "")), fc.constantFrom("1", "25", "100", "open", "mac", "true", "updatedAt", "asc"));
  return fc.array(fc.tuple(name, value), { maxLength: 5 });
}
