import type { Logger } from "pino";
import type { Database } from "./db/client.ts";

/** A background consumer a module runs in worker processes (besides its jobs). */
export type Consumer = {
  name: string;
  start(): Promise<{ stop(budgetMs: number): Promise<void> }>;
};

/**
 * Drives a table that is its own queue, in `lanes` (its rows are partitioned by lane):
 * `drainBatch(lane)` claims and applies some rows of that lane and answers how many. Every lane
 * runs whenever a NOTIFY arrives on `channel`, on a poll (missed notifications, retries coming
 * due) and again as long as it finds work; a lane never runs twice at once in one process.
 */
export function createDrainLoop(options: {
  name: string;
  database: Database;
  channel: string;
  logger: Logger;
  lanes: number;
  drainBatch: (lane: number) => Promise<number>;
  pollIntervalMs?: number;
}): Consumer {
  const running = new Map<number, Promise<void>>();
  const wanted = new Set<number>();
  let stopping = false;

  async function runLane(lane: number) {
    while (!stopping) {
      wanted.delete(lane);
      let applied = 0;
      try {
        applied = await options.drainBatch(lane);
      } catch (error) {
        options.logger.error(
          { err: error, consumer: options.name, lane },
          "drain failed; retrying on the next poll",
        );
        return;
      }
      if (applied === 0 && !wanted.has(lane)) return;
    }
  }

  function wake() {
    for (let lane = 0; lane < options.lanes && !stopping; lane += 1) {
      wanted.add(lane);
      if (running.has(lane)) continue;
      running.set(
        lane,
        runLane(lane).finally(() => running.delete(lane)),
      );
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
          await Promise.race([Promise.allSettled([...running.values()]), deadline]);
        },
      };
    },
  };
}
