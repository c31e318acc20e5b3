import Fastify from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { sandboxPlugin } from "./sandbox.ts";
import { defineStandIn } from "./stand-in.ts";

const pingStandIn = defineStandIn({
  name: "ping",
  title: "Ping",
  description: "answers pong",
  routes: async (app) => {
    app.get("/", async () => ({ pong: true }));
  },
});

describe("provider sandbox", () => {
  const app = Fastify();
  app.register(sandboxPlugin, { prefix: "/sandbox", standIns: [pingStandIn] });
  afterAll(() => app.close());

  it("lists its stand-ins and mounts each under its name", async () => {
    const index = await app.inject({ url: "/sandbox/" });
    expect(index.json()).toEqual({
      name: "sbos provider sandbox",
      standIns: [{ name: "ping", title: "Ping", description: "answers pong" }],
    });
    expect((await app.inject({ url: "/sandbox/ping/" })).json()).toEqual({ pong: true });
  });

  it("echoes after the requested delay", async () => {
    const started = Date.now();
    const response = await app.inject({ url: "/sandbox/echo?delayMs=120&message=hi" });
    expect(response.json()).toEqual({ message: "hi", delayMs: 120 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });
});
