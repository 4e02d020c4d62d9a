import "server-only";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { getLogger } from "@/lib/observability/logger";
import type { OrgScope } from "@/lib/orgs/membership";
import type { SessionUser } from "@/lib/auth/session";
import { getTrack } from "@/lib/tracks/read-track";
import { versionNodes } from "@/lib/tracks/read-version";
import { trackParamsSchema } from "@/lib/tracks/schema";

/**
 * The track page reads through the same org-scoped functions as the API, so
 * another organization's track (or an id that cannot exist) is the same 404.
 */
export async function loadTrack(access: OrgScope & { user: SessionUser }, trackId: string) {
  if (!trackParamsSchema.shape.trackId.safeParse(trackId).success) notFound();
  const ctx: OrgContext = { requestId: randomUUID(), log: getLogger(), user: access.user, organization: access.organization, membership: access.membership };
  try {
    const track = await getTrack(ctx, trackId);
    const latest = track.versions[0] ?? null;
    const nodes = latest ? await versionNodes(access.organization.id, latest.id) : [];
    return { track, latest, nodes };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
