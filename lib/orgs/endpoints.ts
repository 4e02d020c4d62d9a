import { defineEndpoint } from "@/lib/http/endpoint";
import { createOrganizationSchema, organizationSchema, orgParamsSchema, renameOrganizationSchema } from "./schema";

export const getOrganizationEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}",
  operationId: "getOrganization",
  summary: "Get an organization",
  description: "The organization named in the path, with the caller's role in it. 404 unless the caller is a member.",
  tags: ["Organizations"],
  auth: "session",
  permission: "org.read",
  params: orgParamsSchema,
  response: { status: 200, description: "The organization.", schema: organizationSchema },
});

export const renameOrganizationEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/o/{orgSlug}",
  operationId: "renameOrganization",
  summary: "Rename an organization or change its settings",
  description: "Owners only. The name, `stuckAfterDays` (1–90: when dashboards flag a hire as stuck and stuck reminders go out), `reviewTargetDays` (1–30 working days, Monday to Friday: when waiting evidence is flagged as overdue on the review queue and in the mentors' digest) and/or `dueSoonDays` (0–30: how many days before the due day the due-soon reminder goes out; 0 turns it off). Records `organization.renamed` and `organization.updated` for what changed.",
  tags: ["Organizations"],
  auth: "session",
  permission: "org.update",
  params: orgParamsSchema,
  body: renameOrganizationSchema,
  response: { status: 200, description: "The organization as it is now.", schema: organizationSchema },
});

export const createOrganizationEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/orgs",
  operationId: "createOrganization",
  summary: "Create an organization",
  description: "Creates an organization owned by the caller, with a unique URL slug derived from its name.",
  tags: ["Organizations"],
  auth: "session",
  body: createOrganizationSchema,
  response: { status: 201, description: "The new organization.", schema: organizationSchema },
});
