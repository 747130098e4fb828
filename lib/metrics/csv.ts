// CSV as spreadsheets read it (RFC 4180: CRLF, quotes doubled). Text that a spreadsheet would run as
// a formula (= + - @ at the start) is prefixed with an apostrophe; numbers are written as numbers.

export type CsvValue = string | number | boolean | null;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

function cell(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A rate or share as a number with 4 decimals (0.4123), or null. */
export function roundRate(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value * 10_000) / 10_000;
}
