import "server-only";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { sessionFromCookies } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/errors";
import { scopeFromRow } from "@/lib/orgs/membership";
import type { OrgScope } from "@/lib/orgs/membership";

export type OrgPageAccess = ({ user: SessionUser; suspended: false } & OrgScope) | { user: SessionUser; suspended: true; message: string };

/**
 * The signed-in user's standing in the organization of a page under /o/[orgSlug]:
 * null when signed out, 404 (notFound) when not a member, or the membership
 * (suspended or not). The session and the membership are read in one statement,
 * as the API gate reads them (lib/auth/session.ts). Cached per request, so the
 * layout, the page and its metadata share one lookup.
 */
export const orgPageAccess = cache(async (orgSlug: string): Promise<OrgPageAccess | null> => {
  const store = await cookies();
  // PostgreSQL cannot take a NUL (proxy.ts answers such paths first); no slug has one, so no membership either.
  const session = await sessionFromCookies(Object.fromEntries(store.getAll().map((cookie) => [cookie.name, cookie.value])), orgSlug.includes("\u0000") ? null : orgSlug);
  if (!session) return null;
  try {
    return { user: session.user, suspended: false, ...scopeFromRow(session.membership) };
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return { user: session.user, suspended: true, message: error.message };
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound(); // indistinguishable from an organization that does not exist
    throw error;
  }
});
