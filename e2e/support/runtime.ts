import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import type { Browser } from "playwright-core";
import { loadConfig } from "../../apps/server/src/platform/config.ts";
import { type Runtime, startRuntime } from "../../apps/server/src/runtime.ts";
import type { DemoCredentials } from "../../apps/server/src/seed.ts";
import { launchBrowser } from "./browser.ts";

/** Starts the whole app on a free port with its own temporary data folder and the demo organisation. */
async function startTestRuntime(): Promise<Runtime> {
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    HOST: "127.0.0.1",
    PORT: "0",
    SBOS_DATA_DIR: await mkdtemp(path.join(tmpdir(), "sbos-e2e-")),
  });
  return startRuntime(config, pino({ level: "silent" }), { http: true, worker: true, seedDemo: true });
}

export type BrowserFixture = { runtime: Runtime; browser: Browser; baseUrl: string; demo: DemoCredentials };

/** A fresh product with its demo organisation, and a browser to drive it; `close` stops both. */
export async function startBrowserFixture(): Promise<BrowserFixture & { close(): Promise<void> }> {
  const runtime = await startTestRuntime();
  if (!runtime.demo || !runtime.url) throw new Error("The runtime did not start with its demo organisation");
  const browser = await launchBrowser();
  return {
    runtime,
    browser,
    baseUrl: runtime.url,
    demo: runtime.demo,
    close: async () => {
      await browser.close();
      await runtime.shutdown();
    },
  };
}
