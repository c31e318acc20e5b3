import type { IncomingMessage, ServerResponse } from "node:http";
import helmet from "helmet";
import type { ZodApp } from "../module.ts";

const contentSecurityPolicy = {
  directives: {
    "connect-src": ["'self'", "ws:", "wss:"],
    "img-src": ["'self'", "data:", "blob:"],
    // Self-hosters often serve plain HTTP on a LAN address, where upgrading would break every asset.
    "upgrade-insecure-requests": null,
  },
};

/** Helmet's headers, computed once: they do not depend on the request, so no work per request. */
export function computeSecurityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({ contentSecurityPolicy })({} as IncomingMessage, response as unknown as ServerResponse, () => {});
  return headers;
}

export function registerSecurityHeaders(app: ZodApp) {
  const headers = computeSecurityHeaders();
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
