import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, inject, it } from "vitest";
import { testDatabaseKind } from "../test/databases.ts";

const mainFile = fileURLToPath(new URL("../main.ts", import.meta.url));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill("SIGKILL");
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("sbos serve on SIGTERM", () => {
  it("finishes the request in flight, refuses new ones, and exits cleanly", async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      SANDBOX: "on",
      SBOS_DATA_DIR: await mkdtemp(path.join(tmpdir(), "sbos-shutdown-")),
      DATABASE_URL: testDatabaseKind() === "postgres" ? inject("postgresUrl") : "",
    };
    const serve = spawn(process.execPath, ["--import", "tsx", mainFile, "serve"], { env, stdio: "pipe" });
    child = serve;
    let output = "";
    serve.stdout?.on("data", (chunk) => (output += chunk));
    serve.stderr?.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => serve.once("exit", resolve));

    const base = `http://127.0.0.1:${port}`;
    await expect
      .poll(async () => (await fetch(`${base}/readyz`).catch(() => undefined))?.status, {
        timeout: 30_000,
        interval: 200,
      })
      .toBe(200);

    const slow = fetch(`${base}/sandbox/echo?delayMs=1500&message=kept`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    serve.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const late = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status,
      () => "refused",
    );

    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: "kept", delayMs: 1500 });
    expect(late === "refused" || late === 503).toBe(true);
    expect(await exited, output).toBe(0);
  });
});
