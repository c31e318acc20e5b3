import type { Executor } from "../../platform/db/client.ts";
import { AppError } from "../../platform/http/errors.ts";
import { newId } from "../../platform/ids.ts";
import * as repo from "./repo.ts";

/** Creates an organisation with a slug derived from its name (made unique), or the one given. */
export async function insertOrganization(executor: Executor, input: { name: string; slug?: string }) {
  const slug = input.slug ?? (await uniqueSlug(executor, input.name));
  if (await repo.findOrganizationBySlug(executor, slug)) {
    throw new AppError("conflict", `An organisation with the slug "${slug}" already exists.`);
  }
  return repo.insertOrganization(executor, { id: newId(), slug, name: input.name });
}

async function uniqueSlug(executor: Executor, name: string): Promise<string> {
  const base =
    name
      .normalize("NFKD")
      .toLowerCase()
      .replaceAll(/[^a-z0-9]+/g, "-")
      .replaceAll(/^-|-$/g, "")
      .slice(0, 40) || "org";
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await repo.findOrganizationBySlug(executor, candidate))) return candidate;
  }
}
