import { z } from "zod";
import { defineEndpoint } from "./endpoint";

export const openApiEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This document",
  description: "The OpenAPI 3.1 description of every endpoint, generated from the same declarations the route gate enforces.",
  tags: ["Meta"],
  auth: "public",
  response: { status: 200, description: "An OpenAPI 3.1 document.", schema: z.looseObject({ openapi: z.string() }) },
});
