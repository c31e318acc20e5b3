import type { WebSocket } from "@fastify/websocket";
import type { Database } from "./db/client.ts";
import { type DomainEvent, subscribeEvents } from "./events.ts";
import { requireActor } from "./http/auth.ts";
import type { ZodApp } from "./module.ts";

export const realtimePath = "/api/v1/realtime";

/**
 * The WebSocket hub: an authenticated socket joins its tenant's room and receives every event of
 * that tenant, whichever server process published it (LISTEN/NOTIFY on PostgreSQL, in-process
 * on the embedded database).
 */
export async function registerRealtime(app: ZodApp, database: Database) {
  const rooms = new Map<string, Set<WebSocket>>();

  const deliver = (event: DomainEvent) => {
    if (!event.tenantId) return;
    const sockets = rooms.get(event.tenantId);
    if (!sockets) return;
    const message = JSON.stringify({ type: event.type, data: event.data });
    for (const socket of sockets) {
      if (socket.readyState === socket.OPEN) socket.send(message);
    }
  };
  const unsubscribe = await subscribeEvents(database, deliver);

  app.addHook("onClose", async () => {
    await unsubscribe();
    for (const sockets of rooms.values())
      for (const socket of sockets) socket.close(1001, "server shutting down");
  });

  app.get(
    realtimePath,
    {
      websocket: true,
      schema: {
        summary: "Real-time events of the caller's organisation (WebSocket)",
        description:
          "Upgrade to a WebSocket; authenticate with `Authorization: Bearer <key>`, the session cookie, or `?access_token=` where headers cannot be set. Messages are JSON `{type, data}`.",
        tags: ["platform"],
      },
    },
    (socket, request) => {
      const { tenantId } = requireActor(request);
      let sockets = rooms.get(tenantId);
      if (!sockets) {
        sockets = new Set();
        rooms.set(tenantId, sockets);
      }
      sockets.add(socket);
      socket.send(JSON.stringify({ type: "realtime.ready", data: {} }));
      socket.on("close", () => {
        sockets.delete(socket);
        if (sockets.size === 0) rooms.delete(tenantId);
      });
    },
  );
}
