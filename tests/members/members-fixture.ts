/** Shared set-up for the members tests: an organization with people in given roles, and the three routes. */
import { GET } from "@/app/api/v1/o/[orgSlug]/members/route";
import { DELETE, PATCH } from "@/app/api/v1/o/[orgSlug]/members/[membershipId]/route";
import { getDb } from "@/lib/db/client";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";
import { callRoute } from "../support/call-route";
import { addMember, createOrganization, createUser, sessionCookieFor } from "../support/factories";

export interface Person {
  userId: string;
  membershipId: string;
  email: string;
  name: string | null;
  cookie: string;
}

/** An organization whose people have the given roles (and statuses), in that order. */
export async function organizationWith(...people: Array<Role | [Role, MembershipStatus] | { role: Role; status?: MembershipStatus; name?: string; email?: string }>) {
  const organization = await createOrganization();
  const members: Person[] = [];
  for (const spec of people) {
    const { role, status, name, email } = typeof spec === "string" ? { role: spec } : Array.isArray(spec) ? { role: spec[0], status: spec[1] } : spec;
    const user = await createUser({ name, email });
    const membership = await addMember(organization.id, user.id, role, status ?? "ACTIVE");
    members.push({ userId: user.id, membershipId: membership.id, email: user.email, name: user.name, cookie: await sessionCookieFor(user) });
  }
  return { organization, members };
}

export function listMembers(slug: string, cookie: string, query = "") {
  return callRoute(GET, { path: `/api/v1/o/${slug}/members${query ? `?${query}` : ""}`, params: { orgSlug: slug }, cookie });
}

export function updateMember(slug: string, membershipId: string, cookie: string, body: unknown) {
  return callRoute(PATCH, { path: `/api/v1/o/${slug}/members/${membershipId}`, params: { orgSlug: slug, membershipId }, cookie, body });
}

export function removeMember(slug: string, membershipId: string, cookie: string) {
  return callRoute(DELETE, { path: `/api/v1/o/${slug}/members/${membershipId}`, params: { orgSlug: slug, membershipId }, cookie });
}

export async function membershipOf(membershipId: string) {
  return getDb().membership.findUnique({ where: { id: membershipId }, select: { role: true, status: true } });
}

export async function eventsOf(organizationId: string) {
  return getDb().event.findMany({ where: { organizationId }, orderBy: { sequence: "asc" } });
}
