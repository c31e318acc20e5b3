import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { spawnTracked, stopChild, type TrackedChild } from "./children.ts";
import { findFreePort } from "./free-port.ts";
import { sleep } from "./stats.ts";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const readyTimeoutMs = 90_000;
const banner = "Social Business OS is running.";

export type ServerRole = "serve" | "worker" | "start";

export type ServerProcess = {
  role: ServerRole;
  pid: number;
  /** The HTTP base URL (serve and start only). */
  url: string | undefined;
  child: TrackedChild;
  stop(): Promise<void>;
};

/**
 * `sbos serve`, `sbos worker` or `sbos start` as its own process on a PostgreSQL database, as in
 * production: its memory is its own, so it can be read from /proc. Resolves once the process printed
 * its banner (and, with HTTP, answers `/readyz`). Rate limits are off: the bench is one client.
 */
export async function startServerProcess(
  role: ServerRole,
  options: { databaseUrl: string; dataDir: string; environment?: Record<string, string> },
): Promise<ServerProcess> {
  const port = role === "worker" ? 0 : await findFreePort();
  const environment: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    DATABASE_POOL_SIZE: "20",
    SBOS_DATA_DIR: options.dataDir,
    LOG_LEVEL: "warn",
    SANDBOX: "off",
    RATE_LIMIT_API_KEY_PER_MINUTE: "0",
    RATE_LIMIT_ORGANIZATION_PER_MINUTE: "0",
    ...options.environment,
  };
  const child = spawnTracked(process.execPath, [...(await productNodeArguments()), role], {
    cwd: repoRoot,
    env: environment,
  });
  const url = role === "worker" ? undefined : `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child);
  };
  try {
    await waitForBanner(child, url);
  } catch (error) {
    await stop();
    throw error;
  }
  const pid = child.process.pid;
  if (pid === undefined) throw new Error(`sbos ${role} has no process id`);
  return { role, pid, url, child, stop };
}

async function waitForBanner(child: TrackedChild, url: string | undefined) {
  const deadline = performance.now() + readyTimeoutMs;
  while (performance.now() < deadline) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`the server exited before it was ready:\n${child.output().slice(-3000)}`);
    }
    if (child.output().includes(banner) && (!url || (await answersReady(url)))) return;
    await sleep(50);
  }
  throw new Error(`the server was not ready within ${readyTimeoutMs} ms:\n${child.output().slice(-3000)}`);
}

async function answersReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Resident memory of a process now, in bytes (Linux). */
export async function readRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

export type RssSampler = {
  /** Stops sampling; answers the peak resident memory of each process, in bytes. */
  stop(): Promise<Map<number, number>>;
};

/** Samples the resident memory of processes every `intervalMs` and keeps each one's peak. */
export function sampleRss(pids: number[], intervalMs = 100): RssSampler {
  const peaks = new Map(pids.map((pid) => [pid, 0]));
  let running = true;
  const sampleAll = async () => {
    for (const pid of pids) {
      try {
        peaks.set(pid, Math.max(peaks.get(pid) ?? 0, await readRss(pid)));
      } catch {
        // The process ended; its peak so far stands.
      }
    }
  };
  const loop = (async () => {
    while (running) {
      await sampleAll();
      await sleep(intervalMs);
    }
    await sampleAll();
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peaks;
    },
  };
}

/** The arguments `npm run sbos` gives node (heap limit included), so the bench measures what people run. */
async function productNodeArguments(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
  const [command, ...args] = String(manifest.scripts.sbos).split(/\s+/);
  if (command !== "node")
    throw new Error(`package.json's sbos script should start with node: ${manifest.scripts.sbos}`);
  return args;
}
