import { randomBytes } from "node:crypto";

/** A refusal in S3's words: its HTTP status, its error code and the extra elements S3 adds for that code. */
export class S3Failure extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }
}

const escapeXml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** S3's error document: `<Error><Code>…</Code><Message>…</Message>…<RequestId>…</RequestId></Error>`. */
export function renderS3Error(failure: S3Failure): string {
  const elements = { Code: failure.code, Message: failure.message, ...failure.details };
  const body = Object.entries(elements)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join("");
  const requestId = randomBytes(8).toString("hex").toUpperCase();
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${body}<RequestId>${requestId}</RequestId></Error>`;
}
