import { measureExport } from "./crm-export.ts";
import { measureImport } from "./crm-import.ts";
import { buildQueryKinds } from "./crm-queries.ts";
import { measureContactQueries } from "./crm-search.ts";
import { type BenchOrganization, prepareOrganizations, withProductModules } from "./lib/crm-organizations.ts";
import { type SeedTarget, seedCrmData } from "./lib/crm-seed.ts";
import {
  createBenchDatabase,
  hashSeedSources,
  markReusedDatabase,
  openReusedDatabase,
} from "./lib/databases.ts";
import type { Recorder } from "./lib/figures.ts";
import { logProgress } from "./lib/progress.ts";
import { type ServerProcess, startServerProcess } from "./lib/server-process.ts";
import { createTempDir, type TempDir } from "./lib/temp-dirs.ts";

const bigContacts = 1_000_000;
const smallContacts = 100_000;
const smallOrganizations = 10;
const smallCountries = [null, "FR", "DE", "BR", null, "IN", "SA", null, "JP", "MX"];
/** With `--reuse`, the seeded database is kept under this name and used again while its marker matches. */
const reusedDatabase = "sbos_bench_crm_reused";
/** What the seeded rows depend on: a change to any of these files makes `--reuse` seed again. */
const seedSources = [
  "./lib/people-generator.ts",
  "./lib/people-names.ts",
  "./lib/random.ts",
  "./lib/crm-seed-rows.ts",
  "../apps/server/src/modules/crm/contacts/search-keys.ts",
].map((source) => new URL(source, import.meta.url));
/** `BENCH_CRM_PARTS=import`, `=queries` or `=export` runs part of the group (all three by default). */
const parts = new Set(
  (process.env.BENCH_CRM_PARTS ?? "import,queries,export").split(",").map((part) => part.trim()),
);
const seedMarker = `sbos bench crm seed: ${bigContacts} + ${smallOrganizations} x ${smallContacts}, ${hashSeedSources(seedSources)}`;

type Seeded = {
  url: string;
  big: BenchOrganization;
  bigTarget: SeedTarget;
  small: BenchOrganization;
  drop(): Promise<void>;
};

/**
 * The CRM figures of issue 4: a 100,000-row CSV import, then search, filtered and sorted lists and
 * exports in an organisation of 1,000,000 contacts beside 10 organisations of 100,000 each.
 */
export async function runCrmGroup(recorder: Recorder) {
  const reuse = process.argv.includes("--reuse");
  recorder.note(
    "crm: sbos serve (and sbos worker for the import) run as child processes on PostgreSQL; autocannon runs in the bench process; all share the machine's cores with PostgreSQL",
  );
  if (parts.has("import")) {
    await recorder.section("crm · import 100,000 contacts from CSV", () => measureImport(recorder));
  }
  if (!parts.has("queries") && !parts.has("export")) return;

  const dataDir = await createTempDir("crm");
  let seeded: Seeded | undefined;
  let server: ServerProcess | undefined;
  try {
    await recorder.section("crm · seed 1,000,000 + 10 × 100,000 contacts", async () => {
      seeded = await prepareSeededDatabase(recorder, dataDir, reuse);
    });
    if (!seeded) return;
    const { url, big, bigTarget, small } = seeded;
    if (parts.has("queries")) {
      await recorder.section("crm · search and lists, 1,000,000 contacts", async () => {
        server = await startServerProcess("serve", { databaseUrl: url, dataDir: dataDir.path });
        const kinds = await buildQueryKinds(url, bigTarget);
        await measureContactQueries(recorder, {
          baseUrl: server.url as string,
          organization: big,
          databaseUrl: url,
          kinds,
        });
      });
      await server?.stop();
      server = undefined;
    }
    if (!parts.has("export")) return;
    // Each export on a process of its own: a Node process rarely hands memory back, so a peak
    // measured after other work would be that work's.
    await recorder.section("crm · export 1,000,000 contacts as CSV", async () => {
      server = await startServerProcess("serve", { databaseUrl: url, dataDir: dataDir.path });
      await measureExport(recorder, {
        server,
        organization: big,
        format: "csv",
        label: "export 1,000,000 contacts · CSV",
        expectedRows: bigContacts,
      });
      await server.stop();
    });
    await recorder.section("crm · export 100,000 contacts as XLSX", async () => {
      server = await startServerProcess("serve", { databaseUrl: url, dataDir: dataDir.path });
      await measureExport(recorder, {
        server,
        organization: small,
        format: "xlsx",
        label: "export 100,000 contacts · XLSX",
        expectedRows: smallContacts,
      });
      await server.stop();
    });
  } finally {
    await server?.stop();
    if (seeded && !reuse) await seeded.drop();
    await dataDir.remove();
  }
}

async function prepareSeededDatabase(recorder: Recorder, dataDir: TempDir, reuse: boolean): Promise<Seeded> {
  const database = reuse
    ? await openReusedDatabase(reusedDatabase, seedMarker)
    : { ...(await createBenchDatabase()), complete: false };
  const wanted = [
    { slug: "bench-crm-big", name: "Bench CRM 1M" },
    ...Array.from({ length: smallOrganizations }, (_, index) => ({
      slug: `bench-crm-small-${index + 1}`,
      name: `Bench CRM 100k #${index + 1}`,
    })),
  ];
  try {
    const organizations = await withProductModules(database.url, dataDir.path, (modules) =>
      prepareOrganizations(modules, wanted),
    );
    const targets = organizations.map((organization, index) => ({
      tenantId: organization.id,
      contacts: index === 0 ? bigContacts : smallContacts,
      seed: index === 0 ? 1 : 100 + index,
      defaultCountry: index === 0 ? "US" : (smallCountries[index - 1] ?? null),
    }));
    if (database.complete) {
      logProgress("crm: reusing the seeded database (--reuse)");
    } else {
      logProgress(
        `crm: seeding ${bigContacts + smallOrganizations * smallContacts} contacts in 11 organisations`,
      );
      const summary = await seedCrmData(database.url, targets);
      recorder.add(
        "crm",
        `seed ${summary.contacts.toLocaleString("en-US")} contacts, ${summary.contactTags.toLocaleString("en-US")} tag links, ${summary.consents.toLocaleString("en-US")} consents (SQL, indexes rebuilt, vacuum analyse)`,
        summary.seconds,
        "s",
      );
      if (reuse) await markReusedDatabase(reusedDatabase, seedMarker);
    }
    const [big, small] = organizations;
    const [bigTarget] = targets;
    if (!big || !small || !bigTarget) throw new Error("the seeded organisations are missing");
    return { url: database.url, big, bigTarget, small, drop: database.drop };
  } catch (error) {
    if (!reuse) await database.drop();
    throw error;
  }
}
