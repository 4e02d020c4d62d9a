/** Rows and calls the audit tests share: their own organizations, people and events. */
import { hash } from "@node-rs/argon2";
import { GET as auditRoute } from "@/app/api/v1/o/[orgSlug]/audit/route";
import { GET as exportRoute } from "@/app/api/v1/o/[orgSlug]/audit/export/route";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { callRoute } from "../support/call-route";
import { addMember, createOrganization, createUser, sessionCookieFor } from "../support/factories";

export const PASSWORD = "harbour lantern maple 27";

export async function userWithPassword(name?: string) {
  const user = await createUser({ name, verified: true });
  return getDb().user.update({ where: { id: user.id }, data: { passwordHash: await hash(PASSWORD) } });
}

/** An organization with an owner, an admin, a mentor and a member, each with a session. */
export async function auditOrg() {
  const organization = await createOrganization();
  const people = {} as Record<"owner" | "admin" | "mentor" | "member", { id: string; email: string; cookie: string }>;
  for (const [key, role] of [["owner", "OWNER"], ["admin", "ADMIN"], ["mentor", "MENTOR"], ["member", "MEMBER"]] as const) {
    const user = await userWithPassword(`${key[0]!.toUpperCase()}${key.slice(1)} ${organization.slug}`);
    await addMember(organization.id, user.id, role as Role);
    people[key] = { id: user.id, email: user.email, cookie: await sessionCookieFor(user) };
  }
  return { organization, slug: organization.slug, people };
}

/** An event as recordEvent writes one, at a chosen time (the log refuses updates, so the time is set on insert). */
export async function eventAt(
  organizationId: string,
  event: { type: string; actorId: string | null; subjectType: string; subjectId: string; payload?: Prisma.InputJsonObject; createdAt?: Date },
) {
  return getDb().$transaction(async (tx) => {
    const { eventSequence } = await tx.organization.update({ where: { id: organizationId }, data: { eventSequence: { increment: 1 } }, select: { eventSequence: true } });
    return tx.event.create({ data: { organizationId, sequence: eventSequence, payload: {}, ...event } });
  });
}

export function listAudit(slug: string, cookie: string, query = "") {
  return callRoute(auditRoute, { path: `/api/v1/o/${slug}/audit${query ? `?${query}` : ""}`, params: { orgSlug: slug }, cookie });
}

export function exportAudit(slug: string, cookie: string, query = "") {
  return callRoute(exportRoute, { path: `/api/v1/o/${slug}/audit/export${query ? `?${query}` : ""}`, params: { orgSlug: slug }, cookie });
}

/** The organization's events of the given types, oldest first. */
export function eventsOf(organizationId: string, types: string[]) {
  return getDb().event.findMany({ where: { organizationId, type: { in: types } }, orderBy: { sequence: "asc" } });
}
