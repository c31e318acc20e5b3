/**
 * How many distinct positional placeholders (`{{1}}`, `{{2}}`, …) a template text holds: the number
 * of text parameters a send must supply for that component. Named placeholders are not counted.
 */
export function countTemplateVariables(text: string): number {
  return new Set(Array.from(text.matchAll(/\{\{(\d+)\}\}/g), (match) => Number(match[1]))).size;
}
