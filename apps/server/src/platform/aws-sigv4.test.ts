import { describe, expect, it } from "vitest";
import {
  buildCanonicalRequest,
  deriveSigningKey,
  encodeUriPath,
  formatAmzDate,
  hashSha256Hex,
  signRequest,
} from "./aws-sigv4.ts";

// The example credentials and requests of AWS's documentation: "Signature Calculations for the
// Authorization Header" (Amazon S3 API reference) and "Calculate the signature" (IAM user guide).
const credentials = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};
const s3 = { region: "us-east-1", service: "s3" };
const documentedDate = new Date("2013-05-24T00:00:00Z");
const emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

describe("AWS Signature Version 4", () => {
  it("derives the documented signing key", () => {
    const key = deriveSigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", {
      region: "us-east-1",
      service: "iam",
    });
    expect(key.toString("hex")).toBe("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
  });

  it("builds the documented canonical request of the S3 GET Object example", () => {
    const { canonicalRequest, signedHeaders } = buildCanonicalRequest(
      {
        method: "GET",
        path: "/test.txt",
        headers: {
          Host: "examplebucket.s3.amazonaws.com",
          Range: "bytes=0-9",
          "x-amz-content-sha256": emptyHash,
          "x-amz-date": "20130524T000000Z",
        },
        payload: new Uint8Array(),
      },
      emptyHash,
    );
    expect(signedHeaders).toBe("host;range;x-amz-content-sha256;x-amz-date");
    expect(hashSha256Hex(canonicalRequest)).toBe(
      "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
    );
  });

  it("signs the S3 GET Object example with the documented Authorization header", () => {
    const headers = signRequest(
      {
        method: "GET",
        path: "/test.txt",
        headers: { host: "examplebucket.s3.amazonaws.com", range: "bytes=0-9" },
        payload: new Uint8Array(),
      },
      credentials,
      s3,
      documentedDate,
    );
    expect(headers).toEqual({
      "x-amz-date": "20130524T000000Z",
      "x-amz-content-sha256": emptyHash,
      authorization:
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    });
  });

  it("signs the S3 PUT Object example, its payload hashed and `$` in the key encoded", () => {
    const path = encodeUriPath("/test$file.text");
    expect(path).toBe("/test%24file.text");
    const headers = signRequest(
      {
        method: "PUT",
        path,
        headers: {
          host: "examplebucket.s3.amazonaws.com",
          date: "Fri, 24 May 2013 00:00:00 GMT",
          "x-amz-storage-class": "REDUCED_REDUNDANCY",
        },
        payload: Buffer.from("Welcome to Amazon S3."),
      },
      credentials,
      s3,
      documentedDate,
    );
    expect(headers["x-amz-content-sha256"]).toBe(
      "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
    );
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
    );
  });

  it("encodes every byte outside the unreserved set, segment by segment", () => {
    expect(encodeUriPath("/bucket/a b/ü!*'()~._-/x+y=z")).toBe(
      "/bucket/a%20b/%C3%BC%21%2A%27%28%29~._-/x%2By%3Dz",
    );
    expect(formatAmzDate(new Date("2024-02-29T23:59:58.123Z"))).toBe("20240229T235958Z");
  });
});
