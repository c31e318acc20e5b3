import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { testDatabaseKind } from "../test/databases.ts";
import { createTestTenant, startTestApp, type TestApp, type TestTenant } from "../test/harness.ts";
import { publishEvent } from "./events.ts";
import { realtimePath } from "./realtime.ts";

let serving: TestApp;
/** On PostgreSQL a second server process is simulated by a second app on its own connections. */
let publishing: TestApp;
let tenant: TestTenant;
let other: TestTenant;
let baseUrl: string;

beforeAll(async () => {
  serving = await startTestApp();
  publishing = testDatabaseKind() === "postgres" ? await startTestApp() : serving;
  tenant = await createTestTenant(serving.modules);
  other = await createTestTenant(serving.modules);
  await serving.app.listen({ host: "127.0.0.1", port: 0 });
  baseUrl = `ws://127.0.0.1:${(serving.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  if (publishing !== serving) await publishing.close();
  await serving.close();
});

type Received = { type: string; data: Record<string, unknown> };

async function connect(query: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(`${baseUrl}${realtimePath}${query}`, { headers });
  const messages: Received[] = [];
  socket.on("message", (raw) => messages.push(JSON.parse(String(raw))));
  await new Promise<void>((resolve, reject) => {
    socket.once("unexpected-response", (_request, response) =>
      reject(new Error(`HTTP ${response.statusCode}`)),
    );
    socket.once("error", reject);
    socket.once("open", () => resolve());
  });
  await expect.poll(() => messages.map((message) => message.type)).toContain("realtime.ready");
  return { socket, messages };
}

describe("realtime WebSocket", () => {
  it("refuses a connection without valid credentials", async () => {
    await expect(connect("")).rejects.toThrow("HTTP 401");
    await expect(connect("?access_token=sbos_nope")).rejects.toThrow("HTTP 401");
  });

  it("delivers a tenant's events, from any server process, to that tenant only", async () => {
    const mine = await connect("", tenant.headers);
    const theirs = await connect(`?access_token=${other.apiKey}`);

    await publishing.database.db.transaction((tx) =>
      publishEvent(tx, { type: "test.happened", tenantId: tenant.tenantId, data: { n: 1 } }),
    );
    await expect.poll(() => mine.messages.at(-1)).toEqual({ type: "test.happened", data: { n: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(theirs.messages.map((message) => message.type)).toEqual(["realtime.ready"]);
    mine.socket.close();
    theirs.socket.close();
  });

  it("delivers nothing from a transaction that rolls back", async () => {
    const mine = await connect("", tenant.headers);
    await publishing.database.db
      .transaction(async (tx) => {
        await publishEvent(tx, { type: "test.rolled-back", tenantId: tenant.tenantId, data: {} });
        throw new Error("abort");
      })
      .catch(() => {});
    await publishing.database.db.transaction((tx) =>
      publishEvent(tx, { type: "test.committed", tenantId: tenant.tenantId, data: {} }),
    );
    await expect.poll(() => mine.messages.at(-1)?.type).toBe("test.committed");
    expect(mine.messages.map((message) => message.type)).not.toContain("test.rolled-back");
    mine.socket.close();
  });
});
