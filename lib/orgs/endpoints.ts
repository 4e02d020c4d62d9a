import { defineEndpoint } from "@/lib/http/endpoint";
import { z } from "zod";
import { DELETE_ORGANIZATION_RATE_LIMITS, EXPORT_ORGANIZATION_RATE_LIMITS } from "@/lib/security/limits";
import { createOrganizationSchema, deletedOrganizationSchema, deleteOrganizationSchema, organizationSchema, orgParamsSchema, renameOrganizationSchema, setupChecklistSchema } from "./schema";

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

export const deleteOrganizationEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/o/{orgSlug}",
  operationId: "deleteOrganization",
  summary: "Delete an organization",
  description:
    "Owners only, and only with `confirmName`, the organization's name as typed by the owner (422 otherwise, and nothing changes). Deletes everything of the organization: tracks, assignments, progress, evidence and its files, comments, notifications, invitations, tokens, webhooks and the audit log; the files leave storage by a job right after. People's accounts stay. Members' live connections to the organization close. Download `GET /api/v1/o/{orgSlug}/export` first to keep a copy (decision 0045).",
  tags: ["Organizations"],
  auth: "session",
  permission: "org.delete",
  params: orgParamsSchema,
  body: deleteOrganizationSchema,
  rateLimits: DELETE_ORGANIZATION_RATE_LIMITS,
  response: { status: 200, description: "The organization is gone.", schema: deletedOrganizationSchema },
});

export const exportOrganizationEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/export",
  operationId: "exportOrganization",
  summary: "Export the organization's data",
  description:
    "Owners only: one JSON document, streamed, with the organization's members, tracks (every version with its outline), assignments with their mentors and item progress, evidence attempts with their reviews and file names (the files themselves download one by one from `…/evidence/files/{fileId}`), item comments, invitations and the audit log. Recorded in the audit log (`organization.exported`).",
  tags: ["Organizations"],
  auth: "session",
  permission: "org.export",
  params: orgParamsSchema,
  rateLimits: EXPORT_ORGANIZATION_RATE_LIMITS,
  response: { status: 200, description: "application/json, as an attachment.", schema: z.unknown() },
});

export const getSetupProgressEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/setup",
  operationId: "getSetupProgress",
  summary: "The setup checklist",
  description:
    "Owners and admins: the five steps of a first run (start a track, publish a version, invite people, assign a track, a hire's first marked item on the dashboard), each done or not as the organization's own rows say, with the next one marked `current` (decision 0039).",
  tags: ["Organizations"],
  auth: "session",
  permission: "dashboard.read",
  params: orgParamsSchema,
  response: { status: 200, description: "The checklist.", schema: setupChecklistSchema },
});
