/**
 * Factories: every test makes its own uniquely named rows (no shared fixed ids,
 * no wiping tables), so test files can share a database server safely.
 */
import { randomUUID } from "node:crypto";
import { issueSessionToken, sessionCookieName } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";

const unique = () => randomUUID().slice(0, 8);

/** A user without a password; unverified unless `verified` (an invitation accepted while signed in needs a verified address). */
export async function createUser(overrides: { name?: string; email?: string; verified?: boolean } = {}) {
  const id = unique();
  return getDb().user.create({
    data: { name: overrides.name ?? `Test User ${id}`, email: overrides.email ?? `user-${id}@example.test`, emailVerified: overrides.verified ? new Date() : null },
  });
}

export async function createOrganization(overrides: { name?: string; slug?: string } = {}) {
  const id = unique();
  return getDb().organization.create({ data: { name: overrides.name ?? `Org ${id}`, slug: overrides.slug ?? `org-${id}` } });
}

export async function addMember(organizationId: string, userId: string, role: Role, status: MembershipStatus = "ACTIVE") {
  return getDb().membership.create({ data: { organizationId, userId, role, status } });
}

/** A new organization with one member of the given role. */
export async function createOrgWithMember(role: Role = "OWNER") {
  const organization = await createOrganization();
  const user = await createUser();
  await addMember(organization.id, user.id, role);
  return { organization, user };
}

/** A Cookie header that signs the user in, as the browser would send it. */
export async function sessionCookieFor(user: { id: string; email: string; name: string | null; sessionVersion: number }): Promise<string> {
  return `${sessionCookieName()}=${await issueSessionToken(user)}`;
}
