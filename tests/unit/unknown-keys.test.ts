import { describe, expect, it } from "vitest";
import { bulkUpdateSchema, createCaseSchema, listCasesSchema, updateCaseSchema } from "@/lib/cases/schemas/case-schemas";
import { listQueryFromApiParams, listQueryFromSearchParams } from "@/lib/cases/list/list-query-params";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/validation";
import { triedStepSchema } from "@/lib/rules/tried-step-schema";

// SPEC §5: bad input is a 400 naming each bad field, unknown keys included — never silently dropped.

function badFields(schema: Parameters<typeof parseInput>[0], raw: unknown): string[] {
  try {
    parseInput(schema, raw);
  } catch (error) {
    if (error instanceof AppError) return (error.details.fields ?? []).map((field) => `${field.path}: ${field.message}`);
    throw error;
  }
  return [];
}

const body = { customer: { name: "Ada" }, devices: [{ key: "iphone-1", platform: "iphone" }] };

describe("unknown keys", () => {
  it("are named one by one, wherever they are in a new case", () => {
    expect(
      badFields(createCaseSchema, {
        ...body,
        colour: "blue",
        customer: { name: "Ada", phone: "555" },
        devices: [{ key: "iphone-1", platform: "iphone", serial: "X" }],
        library: { photos: 3 },
      }),
    ).toEqual(
      expect.arrayContaining([
        'colour: Unknown field "colour"',
        'customer.phone: Unknown field "phone"',
        'devices.0.serial: Unknown field "serial"',
        'library.photos: Unknown field "photos"',
      ]),
    );
  });

  it("are refused in a PATCH, its facts, a step and a bulk change", () => {
    expect(badFields(updateCaseSchema, { version: 1, status: "open", note: "x" })).toEqual(['note: Unknown field "note"']);
    expect(badFields(updateCaseSchema, { version: 1, facts: { lowPowerMode: true } })).toEqual(['facts.lowPowerMode: Unknown field "lowPowerMode"']);
    expect(badFields(triedStepSchema, { ruleId: "restart-device", outcome: "no_change", by: "me" })).toEqual(['by: Unknown field "by"']);
    expect(badFields(bulkUpdateSchema, { ids: ["0193a6b2-7c1e-7d4a-9f3e-5b8c2d1e4f60"], status: "open", priority: 1 })).toEqual(['priority: Unknown field "priority"']);
  });

  it("an unknown query parameter of the API's case list is named; the list page ignores it", () => {
    const params = new URLSearchParams("status=open&colour=blue");
    expect(badFields(listCasesSchema, listQueryFromApiParams(params))).toEqual(['colour: Unknown field "colour"']);
    expect(badFields(listCasesSchema, listQueryFromSearchParams(params))).toEqual([]);
  });

  it("numbers beyond what their column or a date can hold are refused", () => {
    expect(badFields(createCaseSchema, { ...body, library: { itemCount: 3_000_000_000 } })).toEqual(["library.itemCount: Library item count is too large"]);
    expect(badFields(updateCaseSchema, { version: 3_000_000_000, status: "open" })).toEqual(["version: version is too large"]);
    expect(badFields(listCasesSchema, listQueryFromApiParams(new URLSearchParams("problemAgeMinHours=999999999999")))).toEqual([
      "problemAgeMinHours: problemAgeMinHours must be at most 876000 (100 years)",
    ]);
  });
});
