import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { ZodApp } from "../module.ts";
import { AppError } from "./errors.ts";

const serverPrefixes = ["/api/", "/webhooks/", "/sandbox/", "/healthz", "/readyz", "/metrics"];

/** Serves the built web app, with every other GET path answered by index.html (client-side routes). */
export async function registerWebApp(app: ZodApp, distDir: string) {
  const indexFile = path.join(distDir, "index.html");
  if (!existsSync(indexFile)) {
    app.get("/", { schema: { hide: true } }, async (_request, reply) =>
      reply.type("text/plain").send("The web app is not built yet: run `npm run build:web`, then reload."),
    );
    return;
  }
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false });
  const sendIndex = (reply: {
    header: (k: string, v: string) => unknown;
    sendFile: (f: string) => unknown;
  }) => {
    reply.header("cache-control", "no-cache");
    return reply.sendFile("index.html");
  };
  app.get("/", { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  app.get("/*", { schema: { hide: true } }, (request, reply) => {
    if (serverPrefixes.some((prefix) => request.url.startsWith(prefix))) {
      throw new AppError("not_found", `No route matches GET ${request.url}.`);
    }
    return sendIndex(reply);
  });
}
