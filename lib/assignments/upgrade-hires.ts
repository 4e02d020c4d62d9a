/**
 * Upgrading many hires from the track page (issue 15): the list of active
 * assignments on older versions with what would change for each, and applying the
 * chosen ones. Each hire is upgraded in a transaction of its own by the same
 * applyUpgrade as the one-assignment endpoint, so one that fails (moved meanwhile,
 * a lock timeout) changes nothing for itself and undoes nobody else's; the answer
 * says what happened to each. Managers only (`assignment.update` and a manager role).
 *
 * An id that is not an assignment of this track in this organization (another
 * organization's included) is reported as `not_found` with the same words as an id
 * that exists nowhere, and touches nothing.
 */
import { isManagerRole } from "@/lib/authz/policy";
import { getDb } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { versionNodes } from "@/lib/tracks/read-version";
import { diffVersions } from "@/lib/tracks/version-diff";
import type { TrackNodeOut } from "@/lib/tracks/schema";
import { applyUpgrade, newUpgradeMemo } from "./upgrade-assignment";
import type { TrackUpgradeInput } from "./schema";

const personSelect = { id: true, name: true, email: true } as const;
const NOT_ON_TRACK = "No such assignment on this track.";
const TRANSACTION_OPTIONS = { timeout: 30_000 };

async function trackOf(ctx: OrgContext, trackId: string) {
  if (!isManagerRole(ctx.membership.role)) throw forbidden("Only owners and admins upgrade hires from the track.");
  const track = await getDb().track.findFirst({ where: { id: trackId, organizationId: ctx.organization.id }, select: { id: true, title: true } });
  if (!track) throw notFound("track");
  return track;
}

/**
 * Every ACTIVE assignment of the track on a version older than the latest published
 * one, with the diff from its version and what happens to its progress. Queries:
 * the track, the latest version, the assignments, their progress rows, and the
 * nodes of each version involved (read once each, however many hires share it).
 */
export async function listUpgradeCandidates(ctx: OrgContext, trackId: string) {
  const db = getDb();
  const organizationId = ctx.organization.id;
  const track = await trackOf(ctx, trackId);
  const latest = await db.trackVersion.findFirst({ where: { organizationId, trackId, status: "PUBLISHED" }, orderBy: { number: "desc" }, select: { id: true, number: true } });
  if (!latest) return { track, latest: null, assignments: [] };
  const rows = await db.assignment.findMany({
    where: { organizationId, trackId, status: "ACTIVE", version: { number: { lt: latest.number } } },
    select: { id: true, versionId: true, version: { select: { number: true } }, assignee: { select: personSelect } },
    orderBy: [{ version: { number: "asc" } }, { assignee: { name: "asc" } }, { id: "asc" }],
  });
  if (rows.length === 0) return { track, latest: { number: latest.number }, assignments: [] };
  const progress = await db.itemProgress.findMany({
    where: { organizationId, assignmentId: { in: rows.map((row) => row.id) } },
    select: { assignmentId: true, stableKey: true, state: true, archivedAt: true },
  });
  const nodesOf = new Map<string, TrackNodeOut[]>();
  // In turn: one connection's worth of work, not one per version.
  for (const versionId of new Set([latest.id, ...rows.map((row) => row.versionId)])) nodesOf.set(versionId, await versionNodes(organizationId, versionId, db));
  const toNodes = nodesOf.get(latest.id)!;
  const toKeys = new Set(toNodes.map((node) => node.stableKey));
  const diffs = new Map<string, ReturnType<typeof diffVersions>>();
  const assignments = rows.map((row) => {
    const fromNodes = nodesOf.get(row.versionId)!;
    const diff = diffs.get(row.versionId) ?? diffVersions(fromNodes, toNodes);
    diffs.set(row.versionId, diff);
    const titleOf = new Map([...toNodes, ...fromNodes].map((node) => [node.stableKey, node.title]));
    const own = progress.filter((item) => item.assignmentId === row.id);
    return {
      id: row.id,
      assignee: row.assignee,
      from: { number: row.version.number },
      changes: { added: diff.counts.added, removed: diff.counts.removed, renamed: diff.counts.renamed, moved: diff.counts.moved },
      progress: {
        kept: own.filter((item) => item.archivedAt === null && toKeys.has(item.stableKey)).length,
        archived: own
          .filter((item) => item.archivedAt === null && !toKeys.has(item.stableKey))
          .map((item) => ({ stableKey: item.stableKey, title: titleOf.get(item.stableKey) ?? item.stableKey, state: item.state })),
        restored: own.filter((item) => item.archivedAt !== null && toKeys.has(item.stableKey)).length,
      },
    };
  });
  return { track, latest: { number: latest.number }, assignments };
}

type Outcome = "upgraded" | "not_found" | "conflict" | "failed";

/** Upgrades each listed assignment of the track to `toVersionNumber`, each on its own; the answer has one result per id, in order. */
export async function upgradeHires(ctx: OrgContext, trackId: string, input: TrackUpgradeInput) {
  const organizationId = ctx.organization.id;
  await trackOf(ctx, trackId);
  // Scoped to this organization and track: anything else is "not found" and never read further.
  const known = await getDb().assignment.findMany({
    where: { organizationId, trackId, id: { in: input.assignmentIds } },
    select: { id: true, status: true, assignee: { select: personSelect } },
  });
  const byId = new Map(known.map((row) => [row.id, row]));
  const memo = newUpgradeMemo();
  const results = [];
  for (const assignmentId of input.assignmentIds) {
    const row = byId.get(assignmentId);
    const result = (outcome: Outcome, message: string | null, extra: Partial<{ from: { number: number }; to: { number: number }; progress: { kept: number; archived: number; restored: number } }> = {}) => ({
      assignmentId,
      outcome,
      message,
      assignee: row?.assignee ?? null,
      from: extra.from ?? null,
      to: extra.to ?? null,
      progress: extra.progress ?? null,
    });
    if (!row) {
      results.push(result("not_found", NOT_ON_TRACK));
      continue;
    }
    if (row.status === "ARCHIVED") {
      results.push(result("conflict", "The assignment is archived."));
      continue;
    }
    try {
      const done = await getDb().$transaction((tx) => applyUpgrade(ctx, assignmentId, { toVersionNumber: input.toVersionNumber }, tx, memo), TRANSACTION_OPTIONS);
      results.push(result("upgraded", null, { from: done.from, to: done.to, progress: { kept: done.progress.kept, archived: done.progress.archived.length, restored: done.progress.restored.length } }));
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") results.push(result("not_found", error.message));
      else if (error instanceof AppError && error.code === "CONFLICT") results.push(result("conflict", error.message));
      else {
        // Its transaction rolled back: this hire is unchanged, the others stand.
        ctx.log.error({ err: error, assignmentId }, "upgrading one hire failed");
        results.push(result("failed", "It could not be saved; nothing changed for this hire. Try again."));
      }
    }
  }
  const upgraded = results.filter((entry) => entry.outcome === "upgraded").length;
  ctx.log.info({ trackId, upgraded, failed: results.length - upgraded }, "hires upgraded");
  return { upgraded, failed: results.length - upgraded, results };
}
