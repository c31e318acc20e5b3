/** Only same-app paths: "//host" and absolute URLs would send the person off-site after sign-in. */
export function toSafeRedirect(target: unknown): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//")) return "/";
  if (target.startsWith("/\\")) return "/";
  return target;
}

export type AuthSearch = { redirect?: string };

export function validateAuthSearch(search: Record<string, unknown>): AuthSearch {
  return typeof search.redirect === "string" ? { redirect: search.redirect } : {};
}
