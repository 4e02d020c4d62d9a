import "server-only";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { getLogger } from "@/lib/observability/logger";
import type { OrgScope } from "@/lib/orgs/membership";
import { trackParamsSchema, versionParamsSchema } from "@/lib/tracks/schema";

export type TrackPageAccess = OrgScope & { user: SessionUser };

/** The context the API's services take, for a page that reads through them. */
export function pageContext(access: TrackPageAccess): OrgContext {
  return { requestId: randomUUID(), log: getLogger(), user: access.user, organization: access.organization, membership: access.membership };
}

/**
 * Path segments checked with the API's own schemas: an id or number that cannot
 * exist is the same 404 as another organization's track.
 */
export function trackIdOrNotFound(trackId: string): string {
  if (!trackParamsSchema.shape.trackId.safeParse(trackId).success) notFound();
  return trackId;
}

export function versionNumberOrNotFound(number: string): number {
  const parsed = versionParamsSchema.shape.number.safeParse(number);
  if (!parsed.success) notFound();
  return parsed.data;
}

/** The services' NOT_FOUND (another organization's track included) as the page's 404. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
