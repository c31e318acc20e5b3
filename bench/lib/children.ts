import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";

const live = new Set<ChildProcess>();

// Last resort when the bench dies between spawn and its own cleanup: never leave a server running.
process.on("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

export type ExitStatus = { code: number | null; signal: NodeJS.Signals | null };

export type TrackedChild = {
  process: ChildProcess;
  exited: Promise<ExitStatus>;
  /** The last lines the child wrote, to explain a failure. */
  output(): string;
};

const outputLimit = 16_000;

/** Spawns a child that is killed if the bench exits first; keeps the tail of its output. */
export function spawnTracked(command: string, args: string[], options: SpawnOptions = {}): TrackedChild {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  live.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-outputLimit);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<ExitStatus>((resolve, reject) => {
    child.once("error", (error) => {
      live.delete(child);
      reject(error);
    });
    child.once("exit", (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });
  exited.catch(() => {});
  return { process: child, exited, output: () => output };
}

/** Sends SIGTERM, then SIGKILL after `graceMs`; answers how long the child took to exit. */
export async function stopChild(child: TrackedChild, graceMs = 15_000): Promise<number> {
  const started = performance.now();
  if (child.process.exitCode !== null || child.process.signalCode !== null) return 0;
  child.process.kill("SIGTERM");
  const timer = setTimeout(() => child.process.kill("SIGKILL"), graceMs);
  try {
    await child.exited;
  } finally {
    clearTimeout(timer);
  }
  return performance.now() - started;
}

/** Runs a child to completion and answers its stdout; a non-zero exit or a timeout is an error. */
export async function runToCompletion(
  command: string,
  args: string[],
  timeoutMs: number,
  options: SpawnOptions = {},
): Promise<string> {
  const child = spawnTracked(command, args, options);
  let stdout = "";
  child.process.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const timer = setTimeout(() => child.process.kill("SIGKILL"), timeoutMs);
  try {
    const status = await child.exited;
    if (status.code !== 0) {
      throw new Error(
        `${command} exited with ${status.code ?? status.signal}: ${child.output().slice(-2000)}`,
      );
    }
    return stdout;
  } finally {
    clearTimeout(timer);
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill("SIGKILL");
  }
}
