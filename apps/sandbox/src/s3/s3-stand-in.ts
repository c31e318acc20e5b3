import { createHash } from "node:crypto";
import type { FastifyError, FastifyPluginAsync, FastifyRequest } from "fastify";
import { defineStandIn, type StandIn } from "../stand-in.ts";
import { renderS3Error, S3Failure } from "./s3-failure.ts";
import { checkSignature } from "./signature-check.ts";

/** The only key pair the stand-in accepts. */
export const sandboxS3Credentials = { accessKeyId: "sandbox", secretAccessKey: "sandbox-secret" };

/** The product stores WhatsApp documents, which go up to 100 MB. */
const bodyLimit = 100 * 1024 * 1024;

type StoredObject = { data: Buffer; contentType: string; etag: string; lastModified: Date };
type ObjectParams = { bucket: string; "*": string };

const secretOf = (accessKeyId: string) =>
  accessKeyId === sandboxS3Credentials.accessKeyId ? sandboxS3Credentials.secretAccessKey : undefined;

/** Fastify's own refusals (body too large) in S3's words too. */
function toS3Failure(error: FastifyError): S3Failure {
  if (error instanceof S3Failure) return error;
  if (error.statusCode === 413)
    return new S3Failure(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
  return new S3Failure(500, "InternalError", "We encountered an internal error. Please try again.");
}

/** Objects in memory, one map per bucket; every bucket exists. Each registration has its own. */
export const s3SandboxRoutes: FastifyPluginAsync = async (app) => {
  const buckets = new Map<string, Map<string, StoredObject>>();
  const bucketOf = (name: string) => {
    const bucket = buckets.get(name) ?? new Map<string, StoredObject>();
    buckets.set(name, bucket);
    return bucket;
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const failure = toS3Failure(error);
    if (failure.statusCode >= 500) request.log.error({ err: error }, "s3 sandbox failed");
    return reply.code(failure.statusCode).type("application/xml").send(renderS3Error(failure));
  });

  app.get("/", async () => ({
    name: "S3 stand-in",
    endpoint: app.prefix,
    accessKeyId: sandboxS3Credentials.accessKeyId,
    buckets: [...buckets].map(([name, objects]) => ({ name, objects: objects.size })),
  }));

  await app.register(async (objects) => {
    objects.removeAllContentTypeParsers();
    objects.addContentTypeParser("*", { parseAs: "buffer", bodyLimit }, (_request, body, done) =>
      done(null, body),
    );
    objects.addHook("preHandler", async (request: FastifyRequest<{ Params: ObjectParams }>) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      checkSignature(
        { method: request.method, url: request.raw.url ?? request.url, headers: request.headers, body },
        secretOf,
      );
      if (request.params["*"] === "")
        throw new S3Failure(501, "NotImplemented", "The stand-in only puts, gets and deletes objects.");
    });

    objects.put<{ Params: ObjectParams }>("/:bucket/*", async (request, reply) => {
      const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const etag = `"${createHash("md5").update(data).digest("hex")}"`;
      bucketOf(request.params.bucket).set(request.params["*"], {
        data,
        contentType: request.headers["content-type"] ?? "binary/octet-stream",
        etag,
        lastModified: new Date(),
      });
      return reply.header("etag", etag).send();
    });

    objects.get<{ Params: ObjectParams }>("/:bucket/*", async (request, reply) => {
      const key = request.params["*"];
      const stored = bucketOf(request.params.bucket).get(key);
      if (!stored) throw new S3Failure(404, "NoSuchKey", "The specified key does not exist.", { Key: key });
      return reply
        .type(stored.contentType)
        .header("etag", stored.etag)
        .header("last-modified", stored.lastModified.toUTCString())
        .send(stored.data);
    });

    objects.delete<{ Params: ObjectParams }>("/:bucket/*", async (request, reply) => {
      bucketOf(request.params.bucket).delete(request.params["*"]);
      return reply.code(204).send();
    });
  });
};

export function createS3StandIn(): StandIn {
  return defineStandIn({
    name: "s3",
    title: "S3-compatible object store",
    description:
      "Amazon S3's REST API for objects at /sandbox/s3/{bucket}/{key}: PUT, GET and DELETE, path-style, signed with AWS Signature Version 4 (signed payloads only) for access key `sandbox`, secret `sandbox-secret`, any region. Every bucket exists; objects live in memory until the process stops. Errors are S3's XML (NoSuchKey, SignatureDoesNotMatch, InvalidAccessKeyId…). Use it with STORAGE=s3 S3_ENDPOINT=<server>/sandbox/s3.",
    routes: s3SandboxRoutes,
  });
}
