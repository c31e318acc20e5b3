import { encodeUriPath, encodeUriSegment, signRequest } from "./aws-sigv4.ts";
import { assertStorageKey, type ObjectStore } from "./storage.ts";

export type S3ObjectStoreOptions = {
  /** `https://s3.eu-west-1.amazonaws.com`, a MinIO or R2 URL, or the sandbox's `…/sandbox/s3`. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `{endpoint}/{bucket}/{key}`; false: `{bucket}.{endpoint host}/{key}` (virtual-hosted style). */
  forcePathStyle?: boolean;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
};

/** A failed S3 call; `code` is S3's own (`SignatureDoesNotMatch`, `AccessDenied`…) when it sent one. */
export class S3RequestError extends Error {
  override readonly name = "S3RequestError";
  /** 0 when no answer came back. */
  readonly status: number;
  readonly code: string | undefined;

  constructor(message: string, fields: { status: number; code?: string }, options?: { cause: unknown }) {
    super(message, options);
    this.status = fields.status;
    this.code = fields.code;
  }
}

type Method = "PUT" | "GET" | "DELETE";
type Answer = { status: number; ok: boolean; bytes: Buffer };

const readXmlElement = (xml: string, name: string) =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]?.trim() || undefined;

/** S3 answers errors as `<Error><Code>…</Code><Message>…</Message></Error>`. */
function readFailure(method: Method, key: string, answer: Answer): S3RequestError {
  const xml = answer.bytes.toString("utf8");
  const code = readXmlElement(xml, "Code");
  const detail = readXmlElement(xml, "Message") ?? xml.slice(0, 200);
  const summary = `${answer.status} ${code ?? "(no S3 error code)"}: ${detail}`;
  return new S3RequestError(`S3 ${method} ${key} failed: ${summary}`, { status: answer.status, code });
}

/** `fetch` says only "fetch failed": the reason (ECONNREFUSED, a DNS failure) is its cause. */
function describeNetworkFailure(cause: unknown, timeoutMs: number): string {
  if (cause instanceof Error && cause.name === "TimeoutError") return `did not answer within ${timeoutMs} ms`;
  const root = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  if (!(root instanceof Error)) return `could not be reached: ${String(root)}`;
  return `could not be reached: ${root.message || (root as NodeJS.ErrnoException).code || root.name}`;
}

/**
 * The object store on any S3-compatible service (AWS, MinIO, Cloudflare R2, the sandbox's stand-in),
 * over its REST API with AWS Signature Version 4. A missing key is S3's 404 `NoSuchKey`; with AWS that
 * needs `s3:ListBucket` on the bucket, without which S3 answers 403 `AccessDenied` instead.
 */
export function createS3ObjectStore(options: S3ObjectStoreOptions): ObjectStore {
  const { bucket, forcePathStyle = true, timeoutMs = 60_000 } = options;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const endpoint = new URL(options.endpoint);
  const basePath = endpoint.pathname.replace(/\/+$/, "");
  const origin = forcePathStyle ? endpoint.origin : `${endpoint.protocol}//${bucket}.${endpoint.host}`;
  const bucketPath = forcePathStyle ? `${basePath}/${encodeUriSegment(bucket)}` : basePath;
  const credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };
  const scope = { region: options.region, service: "s3" };

  async function exchange(method: Method, key: string, body?: Buffer): Promise<Answer> {
    assertStorageKey(key);
    const url = new URL(`${bucketPath}/${encodeUriPath(key)}`, origin);
    // What is signed is what `fetch` sends: the URL's own host and normalised path.
    const headers = signRequest(
      { method, path: url.pathname, headers: { host: url.host }, payload: body ?? new Uint8Array() },
      credentials,
      scope,
      new Date(),
    );
    try {
      const response = await fetchFn(url, {
        method,
        headers,
        // Typed over ArrayBufferLike, a Buffer from a file or a download is backed by a plain ArrayBuffer: no copy.
        body: body as Uint8Array<ArrayBuffer> | undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: response.status, ok: response.ok, bytes: Buffer.from(await response.arrayBuffer()) };
    } catch (cause) {
      const reason = describeNetworkFailure(cause, timeoutMs);
      throw new S3RequestError(
        `S3 ${method} ${key} failed: ${endpoint.origin} ${reason}`,
        { status: 0 },
        { cause },
      );
    }
  }

  return {
    put: async (key, data) => {
      const answer = await exchange("PUT", key, data);
      if (!answer.ok) throw readFailure("PUT", key, answer);
    },
    get: async (key) => {
      const answer = await exchange("GET", key);
      if (answer.ok) return answer.bytes;
      const failure = readFailure("GET", key, answer);
      if (failure.code === "NoSuchKey") return undefined;
      throw failure;
    },
    remove: async (key) => {
      const answer = await exchange("DELETE", key);
      if (answer.ok) return;
      const failure = readFailure("DELETE", key, answer);
      if (failure.code !== "NoSuchKey") throw failure;
    },
  };
}
