/** A number or phone number ("+33 6 12…", "-12.5"): starts like a formula but cannot be one. */
const plainNumber = /^[+-]?[\d\s().-]*\d[\d\s().-]*$/;

/**
 * One CSV field (RFC 4180), defused against formula injection when opened in a spreadsheet;
 * numbers and phone numbers stay as they are, so an export can be imported again.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text) && !plainNumber.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
