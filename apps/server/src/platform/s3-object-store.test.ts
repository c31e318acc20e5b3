import { createS3StandIn, sandboxPlugin, sandboxS3Credentials } from "@sbos/sandbox";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3ObjectStore, S3RequestError } from "./s3-object-store.ts";

describe("the S3 object store against the sandbox's stand-in", () => {
  // Mounted in the server, the stand-in lives under the app's own body limit (1 KiB at the least).
  const sandbox = Fastify({ bodyLimit: 1024 });
  let endpoint = "";
  const storeWith = (secretAccessKey: string) =>
    createS3ObjectStore({
      endpoint,
      region: "eu-west-3",
      bucket: "sbos-files",
      accessKeyId: sandboxS3Credentials.accessKeyId,
      secretAccessKey,
    });

  beforeAll(async () => {
    await sandbox.register(sandboxPlugin, { prefix: "/sandbox", standIns: [createS3StandIn()] });
    endpoint = `${await sandbox.listen({ host: "127.0.0.1", port: 0 })}/sandbox/s3`;
  });
  afterAll(() => sandbox.close());

  it("puts, gets, replaces and removes a file; a missing one is undefined", async () => {
    const store = storeWith(sandboxS3Credentials.secretAccessKey);
    const key = "uploads/0190e7c2-tenant/photo_1.v2.jpg";
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x0a, 0x0d, 0x0a]);

    await store.put(key, bytes);
    expect(await store.get(key)).toEqual(bytes);
    await store.put(key, Buffer.from("second version"));
    expect((await store.get(key))?.toString()).toBe("second version");
    const large = Buffer.alloc(256 * 1024, 7);
    await store.put("uploads/large.pdf", large);
    expect((await store.get("uploads/large.pdf"))?.equals(large)).toBe(true);
    await store.put("uploads/empty", Buffer.alloc(0));
    expect(await store.get("uploads/empty")).toEqual(Buffer.alloc(0));

    await store.remove(key);
    expect(await store.get(key)).toBeUndefined();
    await expect(store.remove(key)).resolves.toBeUndefined();
    expect(await store.get("never/stored")).toBeUndefined();
  });

  it("throws S3's error code when the secret is wrong", async () => {
    const store = storeWith("not-the-secret");
    const refusal = store.put("uploads/x", Buffer.from("x"));
    await expect(refusal).rejects.toThrow(S3RequestError);
    await expect(refusal).rejects.toThrow(/^S3 PUT uploads\/x failed: 403 SignatureDoesNotMatch: /);
    await expect(store.get("uploads/x")).rejects.toMatchObject({
      status: 403,
      code: "SignatureDoesNotMatch",
    });
  });

  it("refuses a key no other store takes, and names an endpoint that does not answer", async () => {
    await expect(storeWith("x").get("../etc/passwd")).rejects.toThrow(/Not a storage key/);
    const closed = Fastify();
    const closedOrigin = await closed.listen({ host: "127.0.0.1", port: 0 });
    await closed.close();
    const unreachable = createS3ObjectStore({
      endpoint: closedOrigin,
      region: "us-east-1",
      bucket: "b",
      accessKeyId: "a",
      secretAccessKey: "s",
    });
    const failure = unreachable.get("k");
    await expect(failure).rejects.toMatchObject({ status: 0 });
    await expect(failure).rejects.toThrow(
      `S3 GET k failed: ${closedOrigin} could not be reached: connect ECONNREFUSED`,
    );
  });

  it("addresses the bucket as a subdomain when path style is off", async () => {
    const requests: { url: string; authorization: string }[] = [];
    const store = createS3ObjectStore({
      endpoint: "https://s3.eu-west-3.amazonaws.com",
      region: "eu-west-3",
      bucket: "sbos-files",
      accessKeyId: "AKIAEXAMPLE",
      secretAccessKey: "secret",
      forcePathStyle: false,
      fetch: async (url, init) => {
        requests.push({
          url: String(url),
          authorization: new Headers(init?.headers).get("authorization") ?? "",
        });
        return new Response(null, { status: 204 });
      },
    });
    await store.remove("uploads/x.jpg");
    expect(requests).toEqual([
      {
        url: "https://sbos-files.s3.eu-west-3.amazonaws.com/uploads/x.jpg",
        authorization: expect.stringMatching(
          /^AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE\/\d{8}\/eu-west-3\/s3\/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=[0-9a-f]{64}$/,
        ),
      },
    ]);
  });
});
