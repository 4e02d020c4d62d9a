import { defineEndpoint } from "@/lib/http/endpoint";
import { meSchema } from "./schema";

export const getMeEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/me",
  operationId: "getMe",
  summary: "The signed-in user",
  description: "The caller and their organizations, with their role and permissions in each.",
  tags: ["Account"],
  auth: "session",
  response: { status: 200, description: "The signed-in user.", schema: meSchema },
});
