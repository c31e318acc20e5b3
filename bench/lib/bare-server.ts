import Fastify from "fastify";
import pg from "pg";

export type BareServer = { url: string; close(): Promise<void> };

/**
 * The floor the full stack is measured against: plain Fastify and a pg pool running the same
 * query as `GET /api/v1/me`, with no auth, tenant transaction, validation or presenter.
 */
export async function startBareServer(databaseUrl: string, organizationId: string): Promise<BareServer> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  pool.on("error", () => {});
  const app = Fastify({ logger: false });
  app.get("/me", async () => {
    const result = await pool.query<{ id: string; slug: string; name: string }>(
      "select id, slug, name from organizations where id = $1",
      [organizationId],
    );
    return result.rows[0];
  });
  try {
    const url = await app.listen({ host: "127.0.0.1", port: 0 });
    return {
      url,
      close: async () => {
        await app.close();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
