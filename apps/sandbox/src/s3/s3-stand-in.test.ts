import { createHash, createHmac } from "node:crypto";
import Fastify from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { sandboxPlugin } from "../sandbox.ts";
import { createS3StandIn } from "./s3-stand-in.ts";
import { checkSignature } from "./signature-check.ts";

// AWS's "GET Object" example (Amazon S3 API reference, "Signature Calculations for the Authorization Header").
const documentedGet = {
  method: "GET",
  url: "/test.txt",
  headers: {
    host: "examplebucket.s3.amazonaws.com",
    range: "bytes=0-9",
    "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "x-amz-date": "20130524T000000Z",
    authorization:
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
  },
  body: Buffer.alloc(0),
};
const documentedSecret = (accessKeyId: string) =>
  accessKeyId === "AKIAIOSFODNN7EXAMPLE" ? "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" : undefined;

describe("the S3 stand-in's signature check", () => {
  it("accepts AWS's documented GET Object request", () => {
    expect(checkSignature(documentedGet, documentedSecret)).toBe("AKIAIOSFODNN7EXAMPLE");
  });

  it("refuses it once a signed header or the path changes", () => {
    const tampered = { ...documentedGet, headers: { ...documentedGet.headers, range: "bytes=0-99" } };
    expect(() => checkSignature(tampered, documentedSecret)).toThrow(/signature we calculated/);
    expect(() => checkSignature({ ...documentedGet, url: "/other.txt" }, documentedSecret)).toThrow(
      expect.objectContaining({ statusCode: 403, code: "SignatureDoesNotMatch" }),
    );
  });
});

/** A request signed the way the documentation says, by hand, so the test owes nothing to the stand-in's code. */
function signByHand(method: string, path: string, body: Buffer, secret: string, payloadHash?: string) {
  const amzDate = "20250101T120000Z";
  const hash = payloadHash ?? createHash("sha256").update(body).digest("hex");
  const headers = { host: "localhost:80", "x-amz-content-sha256": hash, "x-amz-date": amzDate };
  const canonical = [
    method,
    path,
    "",
    `host:${headers.host}`,
    `x-amz-content-sha256:${hash}`,
    `x-amz-date:${amzDate}`,
    "",
    "host;x-amz-content-sha256;x-amz-date",
    hash,
  ].join("\n");
  const scope = "20250101/us-east-1/s3/aws4_request";
  const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash("sha256").update(canonical).digest("hex")}`;
  let key: Buffer = createHmac("sha256", `AWS4${secret}`).update("20250101").digest();
  for (const part of ["us-east-1", "s3", "aws4_request"])
    key = createHmac("sha256", key).update(part).digest();
  const signature = createHmac("sha256", key).update(toSign).digest("hex");
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=sandbox/${scope}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${signature}`,
  };
}

describe("S3 stand-in", () => {
  const app = Fastify();
  app.register(sandboxPlugin, { prefix: "/sandbox", standIns: [createS3StandIn()] });
  afterAll(() => app.close());
  const path = "/sandbox/s3/media/uploads/a%20b%24.txt";
  const body = Buffer.from("hello, bucket");
  const send = (
    method: "PUT" | "GET" | "DELETE",
    options: { secret?: string; payloadHash?: string; accessKeyId?: string } = {},
  ) => {
    const payload = method === "PUT" ? body : Buffer.alloc(0);
    const headers = signByHand(
      method,
      path,
      payload,
      options.secret ?? "sandbox-secret",
      options.payloadHash,
    );
    const authorization = headers.authorization.replace("sandbox/", `${options.accessKeyId ?? "sandbox"}/`);
    return app.inject({ method, url: path, headers: { ...headers, authorization }, payload });
  };

  it("stores, serves and deletes an object signed for sandbox/sandbox-secret", async () => {
    const put = await send("PUT");
    expect(put.statusCode).toBe(200);
    expect(put.headers.etag).toBe(`"${createHash("md5").update(body).digest("hex")}"`);

    const get = await send("GET");
    expect(get.statusCode).toBe(200);
    expect(get.rawPayload).toEqual(body);
    expect((await app.inject({ url: "/sandbox/s3/" })).json().buckets).toEqual([
      { name: "media", objects: 1 },
    ]);

    expect((await send("DELETE")).statusCode).toBe(204);
    const missing = await send("GET");
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toMatch(/^application\/xml/);
    expect(missing.body).toMatch(/<Error><Code>NoSuchKey<\/Code>.*<Key>uploads\/a b\$\.txt<\/Key>/);
  });

  it("refuses a wrong secret with 403 SignatureDoesNotMatch, and stores nothing", async () => {
    const refused = await send("PUT", { secret: "not-the-secret" });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toMatch(/<Code>SignatureDoesNotMatch<\/Code>/);
    expect(refused.body).toMatch(/<CanonicalRequest>PUT\n\/sandbox\/s3\/media\/uploads\/a%20b%24.txt\n/);
    expect((await send("GET")).statusCode).toBe(404);
  });

  it("refuses an unsigned request, an unknown key, and a payload that is not the one signed", async () => {
    const anonymous = await app.inject({ url: path });
    expect(anonymous.statusCode).toBe(403);
    expect(anonymous.body).toMatch(/<Code>AccessDenied<\/Code>/);

    const stranger = await send("GET", { accessKeyId: "someone-else" });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.body).toMatch(/<Code>InvalidAccessKeyId<\/Code>/);

    const unsigned = await send("PUT", { payloadHash: "UNSIGNED-PAYLOAD" });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.body).toMatch(/<Code>XAmzContentSHA256Mismatch<\/Code>/);
  });
});
