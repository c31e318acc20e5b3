import { mkdirSync } from "node:fs";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Config } from "../config.ts";

/** node-postgres and PGlite both answer raw queries with `{ rows }`. */
type RowsResult<Row> = { rows: Row[] };
interface RowsResultHKT extends PgQueryResultHKT {
  type: RowsResult<this["row"]>;
}

export type Db = PgDatabase<RowsResultHKT, Record<string, never>>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that runs a query: the database itself or an open transaction. */
export type Executor = Db | Tx;

export type NotificationHandler = (payload: string) => void;

export type PoolStats = { total: number; idle: number; waiting: number };

export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly db: Db;
  /** LISTEN on a channel; notifications sent inside a transaction arrive after it commits. */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  /** Runs `work` while holding a lock shared by every process on this database. */
  runExclusive<T>(work: () => Promise<T>): Promise<T>;
  poolStats(): PoolStats;
  close(): Promise<void>;
}

/** A PGlite instance with the extensions our migrations create (trigram search). */
export function createPglite(options: Omit<PGliteOptions, "extensions"> & { dataDir?: string } = {}) {
  return PGlite.create({ ...options, extensions: { pg_trgm } });
}

const exclusiveLockKey = 7_061_982_314;

export type DatabaseOptions = Config["database"] | { kind: "pglite-instance"; instance: PGlite };

/** Opens the embedded PGlite database (data folder or given instance) or a PostgreSQL pool. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === "postgres") return openPostgres(options.url, options.poolSize);
  if (options.kind === "pglite") {
    mkdirSync(options.dataDir, { recursive: true });
    return wrapPglite(await createPglite({ dataDir: options.dataDir }));
  }
  return wrapPglite(options.instance);
}

function wrapPglite(instance: PGlite): Database {
  return {
    kind: "pglite",
    db: drizzlePglite(instance, { casing: "snake_case" }) as unknown as Db,
    listen: async (channel, handler) => {
      const unlisten = await instance.listen(channel, handler);
      return async () => {
        if (!instance.closed) await unlisten();
      };
    },
    // One process owns an embedded database: nothing else can contend.
    runExclusive: (work) => work(),
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    close: async () => {
      if (!instance.closed) await instance.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // JIT compilation costs 100-200 ms on large plans and never pays off on short OLTP queries.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    idleTimeoutMillis: 30_000,
    options: "-c jit=off",
  });
  // An idle client that loses its connection emits here; the pool replaces it.
  pool.on("error", () => {});
  const probe = await pool.connect();
  probe.release();
  const listener = createPostgresListener(url);
  return {
    kind: "postgres",
    db: drizzlePg(pool, { casing: "snake_case" }) as unknown as Db,
    listen: listener.listen,
    runExclusive: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [exclusiveLockKey]);
        return await work();
      } finally {
        await client.query("select pg_advisory_unlock($1)", [exclusiveLockKey]).catch(() => {});
        client.release();
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}

/** One dedicated connection for LISTEN, reconnecting with backoff and re-subscribing. */
function createPostgresListener(url: string) {
  const handlers = new Map<string, Set<NotificationHandler>>();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const connect = async (): Promise<pg.Client> => {
    const next = new pg.Client({ connectionString: url });
    const onLost = () => {
      if (client === next) scheduleReconnect(500);
    };
    next.on("notification", (message) => {
      for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? "");
    });
    next.on("error", onLost);
    next.on("end", onLost);
    await next.connect();
    for (const channel of handlers.keys()) await next.query(`LISTEN ${quoteIdentifier(channel)}`);
    client = next;
    return next;
  };

  const ensureClient = () => {
    if (client) return Promise.resolve(client);
    connecting ??= connect().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };

  const scheduleReconnect = (delayMs: number) => {
    if (closed || reconnectTimer) return;
    client = undefined;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      ensureClient().catch(() => scheduleReconnect(Math.min(delayMs * 2, 10_000)));
    }, delayMs);
    reconnectTimer.unref();
  };

  return {
    listen: async (channel: string, handler: NotificationHandler) => {
      const connection = await ensureClient();
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await connection.query(`LISTEN ${quoteIdentifier(channel)}`);
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
      };
    },
    close: async () => {
      closed = true;
      clearTimeout(reconnectTimer);
      await client?.end().catch(() => {});
    },
  };
}

function quoteIdentifier(name: string) {
  return `"${name.replaceAll('"', '""')}"`;
}
