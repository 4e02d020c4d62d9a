import { defineEndpoint } from "@/lib/http/endpoint";
import { listMembersQuerySchema, memberPageSchema, memberParamsSchema, memberSchema, membersParamsSchema, removedMemberSchema, updateMemberSchema } from "./schema";

const RULES =
  "An organization always keeps an active owner (409 CONFLICT otherwise); only owners grant the owner or admin role or change an owner or admin; nobody changes their own role or status.";

export const listMembersEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/members",
  operationId: "listMembers",
  summary: "List members",
  description: "The organization's people, ordered by name, a page at a time. Search with `q`; filter by `role` and `status`.",
  tags: ["Members"],
  auth: "session",
  permission: "member.read",
  params: membersParamsSchema,
  query: listMembersQuerySchema,
  response: { status: 200, description: "One page of members.", schema: memberPageSchema },
});

export const updateMemberEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/o/{orgSlug}/members/{membershipId}",
  operationId: "updateMember",
  summary: "Change a member's role or status",
  description: `Owners and admins; admins manage mentors and new hires only. Suspending (\`SUSPENDED\`) cuts the member's access at their next request; \`ACTIVE\` reactivates. A member suspended or given a role below Mentor stops mentoring: their mentor links end, and reactivating or promoting them later does not bring them back. ${RULES} Records member.role_changed, member.suspended or member.reactivated, and assignment.mentors_changed on each assignment they stopped mentoring.`,
  tags: ["Members"],
  auth: "session",
  permission: "member.update",
  params: memberParamsSchema,
  body: updateMemberSchema,
  bodyLimitBytes: 1024,
  response: { status: 200, description: "The member as changed.", schema: memberSchema },
  errors: ["CONFLICT"],
});

export const removeMemberEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/o/{orgSlug}/members/{membershipId}",
  operationId: "removeMember",
  summary: "Remove a member, or leave",
  description: `Owners and admins remove others (admins: mentors and new hires only); anyone may remove their own membership to leave. Their mentor links end (joining again does not bring them back). ${RULES} Records member.removed, and assignment.mentors_changed on each assignment they stopped mentoring.`,
  tags: ["Members"],
  auth: "session",
  // The gate lets every member through so they can leave; removing someone else needs member.remove (checked by the service).
  permission: "member.leave",
  params: memberParamsSchema,
  response: { status: 200, description: "The membership is gone.", schema: removedMemberSchema },
  errors: ["CONFLICT"],
});
