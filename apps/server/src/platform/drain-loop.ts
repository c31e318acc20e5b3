import type { Logger } from "pino";
import type { Database } from "./db/client.ts";

/** A background consumer a module runs in worker processes (besides its jobs). */
export type Consumer = {
  name: string;
  start(): Promise<{ stop(budgetMs: number): Promise<void> }>;
};

/**
 * Drives a table that is its own queue: `drainBatch` claims and applies some rows and answers how
 * many; it runs in `parallel` lanes whenever a NOTIFY arrives on `channel`, on a poll (missed
 * notifications, retries coming due) and again as long as a lane finds work.
 */
export function createDrainLoop(options: {
  name: string;
  database: Database;
  channel: string;
  logger: Logger;
  drainBatch: () => Promise<number>;
  parallel?: number;
  pollIntervalMs?: number;
}): Consumer {
  const parallel = options.parallel ?? 1;
  const lanes = new Set<Promise<void>>();
  let stopping = false;
  let wanted = false;

  async function runLane() {
    while (!stopping) {
      wanted = false;
      let applied = 0;
      try {
        applied = await options.drainBatch();
      } catch (error) {
        options.logger.error(
          { err: error, consumer: options.name },
          "drain failed; retrying on the next poll",
        );
        return;
      }
      if (applied === 0 && !wanted) return;
    }
  }

  function wake() {
    wanted = true;
    while (!stopping && lanes.size < parallel) {
      const lane = runLane().finally(() => lanes.delete(lane));
      lanes.add(lane);
    }
  }

  return {
    name: options.name,
    start: async () => {
      const unlisten = await options.database.listen(options.channel, wake);
      const timer = setInterval(wake, options.pollIntervalMs ?? 1_000);
      timer.unref();
      wake();
      return {
        stop: async (budgetMs) => {
          stopping = true;
          clearInterval(timer);
          await unlisten();
          const deadline = new Promise((resolve) => setTimeout(resolve, budgetMs).unref());
          await Promise.race([Promise.allSettled([...lanes]), deadline]);
        },
      };
    },
  };
}
