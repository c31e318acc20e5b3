import { z } from "zod";
import { requireActor } from "../../../platform/http/auth.ts";
import { pageOf } from "../../../platform/http/pagination.ts";
import type { ZodApp } from "../../../platform/module.ts";
import {
  createSegmentBody,
  segmentDetailSchema,
  segmentParams,
  segmentSchema,
  updateSegmentBody,
} from "./dto.ts";
import type { SegmentService } from "./service.ts";

const tags = ["crm"];

export function registerSegmentRoutes(app: ZodApp, service: SegmentService) {
  app.post(
    "/api/v1/segments",
    {
      schema: {
        tags,
        summary: "Save a filter as a segment",
        description:
          "The filter is evaluated whenever the segment is used (`GET /api/v1/contacts?segmentId=`), so a contact entering it is in the segment. A filter on an unknown field is a 400 naming `body.filter.conditions.N.field`; a taken name a 409.",
        body: createSegmentBody,
        response: { 201: segmentSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createSegment(requireActor(request), request.body)),
  );

  app.get(
    "/api/v1/segments",
    { schema: { tags, summary: "The segments, by name", response: { 200: pageOf(segmentSchema) } } },
    (request) => service.listSegments(requireActor(request)),
  );

  app.get(
    "/api/v1/segments/:id",
    {
      schema: {
        tags,
        summary: "One segment, with the number of contacts in it now",
        params: segmentParams,
        response: { 200: segmentDetailSchema },
      },
    },
    (request) => service.getSegment(requireActor(request), request.params.id),
  );

  app.patch(
    "/api/v1/segments/:id",
    {
      schema: {
        tags,
        summary: "Rename a segment or change its filter",
        params: segmentParams,
        body: updateSegmentBody,
        response: { 200: segmentSchema },
      },
    },
    (request) => service.updateSegment(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/segments/:id",
    {
      schema: { tags, summary: "Delete a segment", params: segmentParams, response: { 204: z.undefined() } },
    },
    async (request, reply) => {
      await service.deleteSegment(requireActor(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
