import type { FastifyRequest } from "fastify";

/** Where people open the product, for links in emails: PUBLIC_URL, else what this request came to. */
export function publicBaseUrl(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl?.replace(/\/$/, "") ?? `${request.protocol}://${request.host}`;
}
