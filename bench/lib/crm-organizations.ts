import { createModules, type Modules } from "../../apps/server/src/modules/index.ts";
import { loadConfig } from "../../apps/server/src/platform/config.ts";
import { createAppContext } from "../../apps/server/src/platform/context.ts";
import { openDatabase } from "../../apps/server/src/platform/db/client.ts";
import { migrateDatabase } from "../../apps/server/src/platform/db/migrate.ts";
import { createLogger } from "../../apps/server/src/platform/logger.ts";

export type BenchOrganization = { id: string; slug: string; name: string; apiKey: string };

const ownerPassword = "bench organisation owner";

/**
 * Runs `work` with the product's own services on `databaseUrl` (migrated first), as `sbos org create`
 * and `sbos api-key create` do, without a process start per organisation.
 */
export async function withProductModules<T>(
  databaseUrl: string,
  dataDir: string,
  work: (modules: Modules) => Promise<T>,
): Promise<T> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, SBOS_DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  const database = await openDatabase(config.database);
  const context = createAppContext(config, database, createLogger(config));
  try {
    await migrateDatabase(database);
    return await work(await createModules(context));
  } finally {
    await context.rateLimits.close();
    await database.close();
  }
}

/** Each organisation with its owner, or the existing one of that slug; and a new admin API key for it. */
export async function prepareOrganizations(
  modules: Modules,
  wanted: { slug: string; name: string }[],
): Promise<BenchOrganization[]> {
  const prepared: BenchOrganization[] = [];
  for (const { slug, name } of wanted) {
    const existing = await modules.identity.findOrganizationBySlug(slug);
    const organization =
      existing ??
      (
        await modules.auth.createOrganizationWithOwner({
          name,
          slug,
          ownerEmail: `owner@${slug}.bench.test`,
          ownerPassword,
        })
      ).organization;
    const { key } = await modules.identity.issueApiKey(
      { tenantId: organization.id, role: "owner" },
      { name: "Benchmark", role: "admin" },
    );
    prepared.push({ id: organization.id, slug, name, apiKey: key });
  }
  return prepared;
}
