/** A key from a label: "Customer plan" → "customer_plan"; letters outside a–z leave it for the person to type. */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize("NFKD")
    .replaceAll(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replaceAll(/[^a-z0-9]+/g, "_")
    .replaceAll(/^_+|_+$/g, "")
    .slice(0, 40);
  return /^[a-z]/.test(key) ? key : "";
}
