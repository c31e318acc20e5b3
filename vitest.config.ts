import pg from "pg";
import { defineConfig } from "vitest/config";

const postgresUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const integrationTests = ["apps/*/src/**/*.int.test.ts"];

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const withPostgres = await postgresAnswers();
if (!withPostgres) {
  const message = `PostgreSQL does not answer at ${postgresUrl}: the PostgreSQL integration suite did NOT run (only PGlite did).`;
  if (process.env.REQUIRE_POSTGRES === "1")
    throw new Error(`${message} REQUIRE_POSTGRES=1 makes this a failure.`);
  console.warn(`\n*** ${message} ***\n`);
}

const integrationProject = (name: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name,
    include: integrationTests,
    env: { SBOS_TEST_DB: name },
    globalSetup: ["apps/server/src/test/global-setup.ts"],
  },
});

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["apps/*/src/**/*.test.ts"], exclude: integrationTests },
      },
      integrationProject("pglite"),
      ...(withPostgres ? [integrationProject("postgres")] : []),
      { extends: true, test: { name: "e2e", include: ["e2e/**/*.e2e.test.ts"], testTimeout: 60_000 } },
    ],
  },
});
