import { createHash, createHmac } from "node:crypto";

/**
 * AWS Signature Version 4 for a request signed in its `Authorization` header, as documented in
 * "Authenticating Requests: Using the Authorization Header (AWS Signature Version 4)". The request
 * carries no query string: nothing that signs with it sends one.
 */
export type SignableRequest = {
  method: string;
  /** The path as sent on the wire, each segment already encoded with `encodeUriPath`. */
  path: string;
  /** Must hold `host`; every header given is signed. */
  headers: Record<string, string>;
  payload: Uint8Array;
};

export type AwsCredentials = { accessKeyId: string; secretAccessKey: string };
export type SigningScope = { region: string; service: string };

const algorithm = "AWS4-HMAC-SHA256";

export function hashSha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

const hmac = (key: Uint8Array | string, data: string) => createHmac("sha256", key).update(data).digest();

/** AWS's URI encoding: only A–Z, a–z, 0–9, `-`, `_`, `.` and `~` stay; `encodeURIComponent` also spares `!'()*`. */
export function encodeUriSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Encodes each segment and keeps the slashes between them. */
export function encodeUriPath(path: string): string {
  return path.split("/").map(encodeUriSegment).join("/");
}

/** `20130524T000000Z`: ISO 8601 basic format, UTC, whole seconds. */
export function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export function deriveSigningKey(secretAccessKey: string, date: string, scope: SigningScope): Buffer {
  const dateKey = hmac(`AWS4${secretAccessKey}`, date);
  const regionKey = hmac(dateKey, scope.region);
  const serviceKey = hmac(regionKey, scope.service);
  return hmac(serviceKey, "aws4_request");
}

/** Header names lowercased and sorted, values trimmed with inner runs of spaces folded to one. */
export function buildCanonicalRequest(request: SignableRequest, payloadHash: string) {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/ +/g, " ")] as const)
    .sort(([first], [second]) => (first < second ? -1 : 1));
  const signedHeaders = headers.map(([name]) => name).join(";");
  const canonicalRequest = [
    request.method.toUpperCase(),
    request.path,
    "",
    ...headers.map(([name, value]) => `${name}:${value}`),
    "",
    signedHeaders,
    payloadHash,
  ].join("\n");
  return { canonicalRequest, signedHeaders };
}

export function buildStringToSign(amzDate: string, credentialScope: string, canonicalRequest: string) {
  return [algorithm, amzDate, credentialScope, hashSha256Hex(canonicalRequest)].join("\n");
}

/**
 * The headers that sign the request: `x-amz-date`, `x-amz-content-sha256` (the payload's own hash,
 * never `UNSIGNED-PAYLOAD`) and `authorization`, computed over them and every header given.
 */
export function signRequest(
  request: SignableRequest,
  credentials: AwsCredentials,
  scope: SigningScope,
  now: Date,
): Record<"authorization" | "x-amz-date" | "x-amz-content-sha256", string> {
  const amzDate = formatAmzDate(now);
  const date = amzDate.slice(0, 8);
  const payloadHash = hashSha256Hex(request.payload);
  const amzHeaders = { "x-amz-date": amzDate, "x-amz-content-sha256": payloadHash };
  const { canonicalRequest, signedHeaders } = buildCanonicalRequest(
    { ...request, headers: { ...request.headers, ...amzHeaders } },
    payloadHash,
  );
  const credentialScope = `${date}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = buildStringToSign(amzDate, credentialScope, canonicalRequest);
  const signature = createHmac("sha256", deriveSigningKey(credentials.secretAccessKey, date, scope))
    .update(stringToSign)
    .digest("hex");
  return {
    ...amzHeaders,
    authorization: `${algorithm} Credential=${credentials.accessKeyId}/${credentialScope},SignedHeaders=${signedHeaders},Signature=${signature}`,
  };
}
