/**
 * Moving an assignment to a newer published version of its track. Progress is
 * keyed by stable keys, so renamed and moved items keep it as they are; items the
 * new version no longer has keep their rows too, marked archived (shown, not
 * counted), and come back if a later version brings the key back. Nothing a hire
 * did is lost.
 */
import { getDb } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/client";
import { recordEvents } from "@/lib/db/events";
import { AppError, forbidden, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { versionNodes } from "@/lib/tracks/read-version";
import { diffVersions } from "@/lib/tracks/version-diff";
import { isManagerRole } from "@/lib/authz/policy";
import type { VersionDiff } from "@/lib/tracks/diff-schema";
import type { TrackNodeOut } from "@/lib/tracks/schema";
import { findAssignment } from "./read-assignment";
import type { UpgradeInput } from "./schema";
import { lockForProgress, settleCompletion } from "@/lib/progress/progress-write";
import { prismaRunner } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { upgradeNoticeOf } from "./upgrade-notice";

type Assignment = Awaited<ReturnType<typeof findAssignment>>;

/** The assignee and the organization's managers may upgrade; a mentor only looks. */
function assertMayUpgrade(ctx: OrgContext, assignment: Assignment): void {
  if (!isManagerRole(ctx.membership.role) && assignment.assigneeId !== ctx.user.id) throw forbidden("Only the person on the assignment or a manager can upgrade it.");
}

async function targetVersion(db: DbClient, ctx: OrgContext, assignment: Assignment, number: number | undefined) {
  const target = await db.trackVersion.findFirst({
    where: { organizationId: ctx.organization.id, trackId: assignment.track.id, status: "PUBLISHED", ...(number === undefined ? {} : { number }) },
    orderBy: { number: "desc" },
    select: { id: true, number: true },
  });
  if (number !== undefined && !target) throw notFound("published version");
  if (!target || target.number <= assignment.version.number) {
    const message = number === undefined ? `Version ${assignment.version.number} is the latest published version of this track.` : `Version ${number} is not newer than the assignment's version ${assignment.version.number}.`;
    throw new AppError("CONFLICT", message, { current: assignment.version.number });
  }
  return target;
}

/**
 * Published versions never change, so a bulk upgrade (upgrade-hires.ts) reads each one's nodes and
 * diffs each pair of versions once for all its hires instead of once per hire.
 */
export interface UpgradeMemo {
  nodes: Map<string, TrackNodeOut[]>;
  diffs: Map<string, VersionDiff>;
}

export const newUpgradeMemo = (): UpgradeMemo => ({ nodes: new Map(), diffs: new Map() });

async function nodesOf(db: DbClient, organizationId: string, versionId: string, memo: UpgradeMemo | undefined) {
  const known = memo?.nodes.get(versionId);
  if (known) return known;
  const nodes = await versionNodes(organizationId, versionId, db);
  memo?.nodes.set(versionId, nodes);
  return nodes;
}

async function plan(db: DbClient, ctx: OrgContext, assignment: Assignment, number: number | undefined, memo?: UpgradeMemo) {
  const organizationId = ctx.organization.id;
  const target = await targetVersion(db, ctx, assignment, number);
  // In turn, not in parallel: in applyUpgrade `db` is a transaction, which has one connection.
  const fromNodes = await nodesOf(db, organizationId, assignment.versionId, memo);
  const toNodes = await nodesOf(db, organizationId, target.id, memo);
  const pair = `${assignment.versionId}→${target.id}`;
  const diff = memo?.diffs.get(pair) ?? diffVersions(fromNodes, toNodes);
  memo?.diffs.set(pair, diff);
  const progress = await db.itemProgress.findMany({ where: { organizationId, assignmentId: assignment.id }, select: { stableKey: true, state: true, note: true, archivedAt: true } });
  const toKeys = new Set(toNodes.map((node) => node.stableKey));
  const titleOf = new Map([...toNodes, ...fromNodes].map((node) => [node.stableKey, node.title]));
  const archived = progress.filter((row) => row.archivedAt === null && !toKeys.has(row.stableKey));
  const restored = progress.filter((row) => row.archivedAt !== null && toKeys.has(row.stableKey));
  return {
    target,
    diff,
    toKeys,
    progress: {
      kept: progress.filter((row) => row.archivedAt === null && toKeys.has(row.stableKey)).length,
      archived: archived.map((row) => ({ stableKey: row.stableKey, title: titleOf.get(row.stableKey) ?? row.stableKey, state: row.state, hasNote: row.note !== null })),
      restored: restored.map((row) => ({ stableKey: row.stableKey, title: titleOf.get(row.stableKey) ?? row.stableKey, state: row.state, hasNote: row.note !== null })),
    },
    skippedDropped: assignment.skippedKeys.filter((key) => !toKeys.has(key)),
  };
}

export async function previewUpgrade(ctx: OrgContext, assignmentId: string, number: number | undefined) {
  const db = getDb();
  const assignment = await findAssignment(ctx, assignmentId, db);
  const { target, diff, progress, skippedDropped } = await plan(db, ctx, assignment, number);
  return { from: { number: assignment.version.number }, to: { number: target.number }, diff, progress, skippedDropped };
}

/**
 * `tx`: the transaction it runs in, the one that also stores an Idempotency-Key's answer (lib/http/idempotency.ts).
 * `memo`: shared by the upgrades of one bulk request.
 */
export async function applyUpgrade(ctx: OrgContext, assignmentId: string, input: UpgradeInput, tx: DbClient, memo?: UpgradeMemo) {
  const organizationId = ctx.organization.id;
  const assignment = await findAssignment(ctx, assignmentId, getDb());
  assertMayUpgrade(ctx, assignment);
  const locked = await lockForProgress(tx, organizationId, assignmentId);
  // Planned under the lock: the version read above may have been upgraded meanwhile.
  const current = await findAssignment(ctx, assignmentId, tx);
  const { target, toKeys, progress, skippedDropped, diff } = await plan(tx, ctx, current, input.toVersionNumber, memo);
  const now = new Date();
  // Someone else moved the hire: they get a notice of what changed (upgrade-notice.ts); their own upgrade clears an old one.
  const notice = current.assigneeId === ctx.user.id ? null : upgradeNoticeOf(current.version.number, target.number, diff, progress.archived, now);
  await tx.itemProgress.updateMany({ where: { organizationId, assignmentId, archivedAt: null, stableKey: { notIn: [...toKeys] } }, data: { archivedAt: now } });
  await tx.itemProgress.updateMany({ where: { organizationId, assignmentId, archivedAt: { not: null }, stableKey: { in: [...toKeys] } }, data: { archivedAt: null } });
  await tx.assignment.update({ where: { id: assignmentId }, data: { versionId: target.id, skippedKeys: current.skippedKeys.filter((key) => toKeys.has(key)), upgradeNotice: notice ?? Prisma.DbNull } });
  const { status, summary, events } = await settleCompletion(prismaRunner(tx), ctx, { ...current, versionId: target.id, skippedKeys: current.skippedKeys.filter((key) => toKeys.has(key)), status: locked.status }, true);
  const upgraded = {
    type: "assignment.upgraded",
    actorId: ctx.user.id,
    subjectType: "assignment",
    subjectId: assignmentId,
    payload: { assignmentId, fromNumber: current.version.number, toNumber: target.number, kept: progress.kept, archived: progress.archived.length, restored: progress.restored.length },
  };
  await recordEvents(prismaRunner(tx), organizationId, [upgraded, ...events]);
  ctx.log.info({ assignmentId, toNumber: target.number }, "assignment upgraded");
  return { assignment: { id: assignmentId, status, progress: summary.track }, from: { number: current.version.number }, to: { number: target.number }, progress, skippedDropped };
}
