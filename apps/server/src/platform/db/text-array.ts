/** A PostgreSQL array literal, bound as one parameter (drizzle expands JS arrays into lists). */
export function textArray(values: string[]): string {
  return `{${values.map((value) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}
