import type { FastifyPluginAsync } from "fastify";

/** A local stand-in for one external platform, mounted at /sandbox/<name>. */
export type StandIn = {
  name: string;
  title: string;
  description: string;
  routes: FastifyPluginAsync;
};

export function defineStandIn(standIn: StandIn): StandIn {
  return standIn;
}
