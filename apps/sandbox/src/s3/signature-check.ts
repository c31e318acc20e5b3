import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { S3Failure } from "./s3-failure.ts";

/** A request as the stand-in received it: the raw path and query, the headers, the body's bytes. */
export type ReceivedRequest = {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
};

const authorizationPattern =
  /^AWS4-HMAC-SHA256 Credential=([^/\s]+)\/(\d{8})\/([^/\s]+)\/([^/\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

const readHeader = (request: ReceivedRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
};

/** Query pairs sorted by name as received; the client has already URI-encoded them. */
const sortQuery = (query: string) =>
  query
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => (pair.includes("=") ? pair : `${pair}=`))
    .sort()
    .join("&");

/**
 * Recomputes the signature S3 would expect from what arrived (the method, the raw path, the headers
 * the client lists as signed, the payload hash it sent) and throws S3's refusal when it differs.
 * Payloads must be signed: `UNSIGNED-PAYLOAD` does not match the body's hash.
 */
export function checkSignature(
  request: ReceivedRequest,
  secretOf: (accessKeyId: string) => string | undefined,
) {
  const authorization = readHeader(request, "authorization");
  if (!authorization) throw new S3Failure(403, "AccessDenied", "Access Denied");
  const parts = authorizationPattern.exec(authorization);
  if (!parts) {
    throw new S3Failure(400, "AuthorizationHeaderMalformed", "The authorization header is malformed.");
  }
  const [, accessKeyId = "", date = "", region = "", service = "", signedHeaders = "", signature = ""] =
    parts;
  const secret = secretOf(accessKeyId);
  if (secret === undefined) {
    throw new S3Failure(
      403,
      "InvalidAccessKeyId",
      "The AWS Access Key Id you provided does not exist in our records.",
      { AWSAccessKeyId: accessKeyId },
    );
  }
  const amzDate = readHeader(request, "x-amz-date");
  if (!amzDate) {
    throw new S3Failure(403, "AccessDenied", "AWS authentication requires a valid Date or x-amz-date header");
  }
  const payloadHash = readHeader(request, "x-amz-content-sha256") ?? "";
  if (payloadHash !== sha256Hex(request.body)) {
    throw new S3Failure(
      400,
      "XAmzContentSHA256Mismatch",
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  }

  const [path = "/", query = ""] = request.url.split("?", 2);
  const headerLines = signedHeaders
    .split(";")
    .map((name) => `${name}:${(readHeader(request, name) ?? "").trim().replace(/ +/g, " ")}\n`);
  const canonicalRequest = `${request.method}\n${path}\n${sortQuery(query)}\n${headerLines.join("")}\n${signedHeaders}\n${payloadHash}`;
  const scope = [date, region, service, "aws4_request"];
  const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope.join("/")}\n${sha256Hex(canonicalRequest)}`;
  const signingKey = scope.reduce<Buffer | string>(
    (key, part) => createHmac("sha256", key).update(part).digest(),
    `AWS4${secret}`,
  );
  const expected = createHmac("sha256", signingKey).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) {
    throw new S3Failure(
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
      { AWSAccessKeyId: accessKeyId, StringToSign: stringToSign, CanonicalRequest: canonicalRequest },
    );
  }
  return accessKeyId;
}
