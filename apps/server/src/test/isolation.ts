import type { FastifyInstance } from "fastify";
import type { Modules } from "../modules/index.ts";

/** One organisation's credentials in the every-route isolation test. */
export type IsolationParty = {
  tenantId: string;
  userId: string;
  email: string;
  password: string;
  apiKeyHeaders: Record<string, string>;
  cookies: Record<string, string>;
};

export type IsolationContext = {
  app: FastifyInstance;
  /** The app's modules, for fixtures that need background work done (a webhook applied). */
  modules: Modules;
  /** The organisation whose objects must stay out of reach. */
  a: IsolationParty;
  /** The other organisation, making the requests. */
  b: IsolationParty;
  /** Marks a value of A's that must never appear in an answer to B. */
  remember(value: string): void;
};

export type PreparedRequest = {
  params?: Record<string, string>;
  payload?: unknown;
  /** A's view of the object, read with A's credentials, compared before and after B's requests. */
  snapshot?: () => Promise<unknown>;
};

/**
 * How the isolation test exercises one route: `foreign-object` routes get an id (or body) of A's
 * and must answer 404 and leave it unchanged; `scoped` routes must not answer with anything of
 * A's; `public` routes say why they need no check.
 */
export type IsolationCase =
  | {
      route: string;
      kind: "foreign-object" | "scoped";
      /** Routes for people only answer an API key 403 before looking at any id. */
      sessionOnly?: boolean;
      prepare?: (context: IsolationContext) => Promise<PreparedRequest>;
    }
  | { route: string; kind: "public"; reason: string };
