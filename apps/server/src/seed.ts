import { chmod, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { seedDemoOrganization } from "./modules/identity/seed.ts";
import type { Modules } from "./modules/index.ts";

export type DemoCredentials = {
  organization: string;
  email: string;
  password: string;
  apiKey: string;
  /** Set when this start created the organisation (its first conversations are still to start). */
  createdTenantId?: string;
};

const credentialsFile = (dataDir: string) => path.join(dataDir, "demo-credentials.json");

/**
 * Creates the demo organisation once and lets every module add its demo data. The demo sign-in and
 * API key are kept in the data folder (local only) so later starts can print them again.
 */
export async function seedDemoData(modules: Modules, dataDir: string): Promise<DemoCredentials | undefined> {
  const seeded = await seedDemoOrganization(modules.identity, modules.auth);
  if (!seeded) return readDemoCredentials(dataDir);
  const tenant = { tenantId: seeded.organization.id, actor: seeded.actor };
  for (const module of modules.modules) await module.seedDemo?.(tenant);
  const credentials = {
    organization: seeded.organization.slug,
    email: seeded.email,
    password: seeded.password,
    apiKey: seeded.apiKey,
  };
  const file = credentialsFile(dataDir);
  await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`);
  await chmod(file, 0o600);
  return { ...credentials, createdTenantId: seeded.organization.id };
}

async function readDemoCredentials(dataDir: string): Promise<DemoCredentials | undefined> {
  try {
    return JSON.parse(await readFile(credentialsFile(dataDir), "utf8")) as DemoCredentials;
  } catch {
    return undefined;
  }
}
