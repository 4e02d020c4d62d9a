/**
 * The facts behind the owner's setup checklist (setup-steps.ts), read from the organization's
 * own rows: seven small look-ups by organization id, each stopping at its first row, so another
 * organization's tracks, invitations or progress never count. Read on the setup page and by
 * /o/{slug} for owners and admins only (the other roles' home does not depend on it).
 */
import { getDb } from "@/lib/db/client";
import type { OrgContext } from "./context";
import { setupChecklist } from "./setup-steps";
import type { SetupChecklist, SetupFacts } from "./setup-steps";

export async function readSetupFacts(organizationId: string): Promise<SetupFacts> {
  const db = getDb();
  const liveTrack = { organizationId, archivedAt: null };
  const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const [anyTrack, draftTrack, publishedTrack, invitation, people, assignment, progress] = await Promise.all([
    db.track.findFirst({ where: liveTrack, orderBy: newestFirst, select: { id: true } }),
    db.track.findFirst({ where: { ...liveTrack, versions: { some: { status: "DRAFT" } } }, orderBy: newestFirst, select: { id: true } }),
    db.track.findFirst({ where: { ...liveTrack, versions: { some: { status: "PUBLISHED" } } }, orderBy: newestFirst, select: { id: true } }),
    db.invitation.findFirst({ where: { organizationId }, select: { id: true } }),
    // People only: a service account made for an API token is nobody invited (decision 0032).
    db.membership.count({ where: { organizationId, user: { serviceAccount: false } }, take: 2 }),
    db.assignment.findFirst({ where: { organizationId }, select: { id: true } }),
    db.itemProgress.findFirst({ where: { organizationId, archivedAt: null, state: { not: "NOT_STARTED" } }, select: { assignmentId: true } }),
  ]);
  return {
    anyTrackId: anyTrack?.id ?? null,
    draftTrackId: draftTrack?.id ?? null,
    publishedTrackId: publishedTrack?.id ?? null,
    invitedSomeone: invitation !== null || people > 1,
    assigned: assignment !== null,
    progressShown: progress !== null,
  };
}

/** The checklist of the caller's organization (the page gate has checked who may see it). */
export async function setupProgress(ctx: OrgContext): Promise<SetupChecklist> {
  return setupChecklist(ctx.organization.slug, await readSetupFacts(ctx.organization.id));
}
