import Fastify from "fastify";
import { sandboxPlugin } from "./sandbox.ts";
import { standIns } from "./stand-ins.ts";

/** Runs the sandbox as its own server (`sbos sandbox`), at the same /sandbox paths as in-process. */
export async function startStandaloneSandbox(options: { host: string; port: number; logLevel?: string }) {
  const app = Fastify({ logger: { level: options.logLevel ?? "info" } });
  await app.register(sandboxPlugin, { prefix: "/sandbox", standIns });
  const address = await app.listen({ host: options.host, port: options.port });
  return { app, url: `${address}/sandbox` };
}
