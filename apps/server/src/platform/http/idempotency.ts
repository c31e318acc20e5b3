import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Db } from "../db/client.ts";
import { withTenant } from "../db/tenancy.ts";
import type { ZodApp } from "../module.ts";
import { AppError } from "./errors.ts";
import { idempotencyKeys } from "./idempotency-tables.ts";

const mutatingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const keyPattern = /^[\w\-:.]{1,255}$/;
/** How long a stored response is replayed; older keys are purged by a recurring job. */
export const idempotencyRetentionHours = 24;

declare module "fastify" {
  interface FastifyRequest {
    idempotency: { tenantId: string; key: string } | undefined;
  }
}

/**
 * `Idempotency-Key` on every mutating `/api/v1` route: the first request with a key runs and its
 * response is stored; the same key and body again replays that response; the same key with a
 * different body is a 422; a retry while the first is still running is a 409. Server errors are
 * not stored, so the client can retry them.
 */
export function registerIdempotency(app: ZodApp, db: Db) {
  app.decorateRequest("idempotency", undefined);

  app.addHook("preHandler", async (request, reply) => {
    const key = request.headers["idempotency-key"];
    if (typeof key !== "string" || !mutatingMethods.has(request.method) || !request.actor) return;
    if (!keyPattern.test(key)) {
      throw new AppError(
        "bad_request",
        "Idempotency-Key must be 1-255 letters, digits, '-', '_', ':' or '.'.",
      );
    }
    const tenantId = request.actor.tenantId;
    const requestHash = hashRequest(request);
    const stored = await withTenant(db, tenantId, async (tx) => {
      const inserted = await tx
        .insert(idempotencyKeys)
        .values({ tenantId, key, method: request.method, path: request.url, requestHash })
        .onConflictDoUpdate({
          // A claim whose request died before answering is taken over after a minute.
          target: [idempotencyKeys.tenantId, idempotencyKeys.key],
          set: { createdAt: sql`now()` },
          setWhere: sql`${idempotencyKeys.statusCode} is null and ${idempotencyKeys.requestHash} = ${requestHash}
            and ${idempotencyKeys.createdAt} < now() - interval '1 minute'`,
        })
        .returning({ key: idempotencyKeys.key });
      if (inserted.length > 0) return undefined;
      const [existing] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key)));
      return existing;
    });
    if (!stored) {
      request.idempotency = { tenantId, key };
      return;
    }
    if (stored.requestHash !== requestHash) {
      throw new AppError("unprocessable", "This Idempotency-Key was already used with a different request.", {
        code: "idempotency_key_reused",
      });
    }
    if (stored.statusCode === null) {
      throw new AppError(
        "conflict",
        "A request with this Idempotency-Key is still in progress; retry shortly.",
        {
          code: "idempotency_key_in_progress",
          retryAfterSeconds: 1,
        },
      );
    }
    reply.hijack();
    reply.raw.writeHead(stored.statusCode, {
      ...stored.responseHeaders,
      "idempotent-replayed": "true",
      "x-request-id": request.id,
    });
    reply.raw.end(stored.responseBody ?? "");
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    const where = and(eq(idempotencyKeys.tenantId, claim.tenantId), eq(idempotencyKeys.key, claim.key));
    await withTenant(db, claim.tenantId, async (tx) => {
      if (reply.statusCode >= 500 || (payload !== null && typeof payload !== "string")) {
        await tx.delete(idempotencyKeys).where(where);
        return;
      }
      const contentType = reply.getHeader("content-type");
      await tx
        .update(idempotencyKeys)
        .set({
          statusCode: reply.statusCode,
          responseHeaders: contentType ? { "content-type": String(contentType) } : {},
          responseBody: payload ?? "",
        })
        .where(where);
    });
    return payload;
  });
}

function hashRequest(request: FastifyRequest): string {
  return createHash("sha256")
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest("hex");
}

/** Removes stored responses past the replay window (run by a recurring job, tenant by tenant). */
export async function purgeExpiredIdempotencyKeys(db: Db, tenantId: string): Promise<number> {
  return withTenant(db, tenantId, async (tx) => {
    const deleted = await tx
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.tenantId, tenantId),
          lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${idempotencyRetentionHours})`),
        ),
      )
      .returning({ key: idempotencyKeys.key });
    return deleted.length;
  });
}
