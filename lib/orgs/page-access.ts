import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/errors";
import { resolveOrgScope } from "@/lib/orgs/membership";
import type { OrgScope } from "@/lib/orgs/membership";

export type OrgPageAccess = ({ user: SessionUser; suspended: false } & OrgScope) | { user: SessionUser; suspended: true; message: string };

/**
 * The signed-in user's standing in the organization of a page under /o/[orgSlug]:
 * null when signed out, 404 (notFound) when not a member, or the membership
 * (suspended or not). Cached per request, so the layout and the page share one lookup.
 */
export const orgPageAccess = cache(async (orgSlug: string): Promise<OrgPageAccess | null> => {
  const user = await getCurrentUser();
  if (!user) return null;
  try {
    return { user, suspended: false, ...(await resolveOrgScope(user.id, orgSlug)) };
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return { user, suspended: true, message: error.message };
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound(); // indistinguishable from an organization that does not exist
    throw error;
  }
});

/**
 * For a page: its access, sending a signed-out visitor to sign in and back to
 * `returnTo`. A suspended member gets `suspended: true`; the layout explains it,
 * and the page must render nothing of the organization.
 */
export async function requireOrgPageAccess(orgSlug: string, returnTo: string): Promise<OrgPageAccess> {
  const access = await orgPageAccess(orgSlug);
  if (!access) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return access;
}
