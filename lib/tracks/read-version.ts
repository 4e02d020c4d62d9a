import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/http/errors";
import type { RelativeDue } from "@/lib/outline";
import type { OrgContext } from "@/lib/http/handle";
import type { TrackNodeOut } from "./schema";
import { countsOfNodes, toVersionSummary, versionSummarySelect } from "./track-summary";

/**
 * A version's row and its track, scoped to the caller's organization; another
 * organization's track (or a number that does not exist) is a 404.
 */
export async function findVersion(ctx: OrgContext, trackId: string, number: number) {
  const version = await getDb().trackVersion.findFirst({
    where: { trackId, number, organizationId: ctx.organization.id },
    select: { ...versionSummarySelect, updatedAt: true, track: { select: { id: true, title: true, updatedAt: true } } },
  });
  if (!version) throw notFound("track version");
  return { ...version, trackUpdatedAt: version.track.updatedAt };
}

/**
 * The version's entity tag. Every change to a version's nodes also touches the
 * version row (updatedAt), and the tree carries its track's title, so the tag
 * covers both rows' updatedAt: it changes exactly when the answer may have (a
 * renamed track must not be answered 304 with the old title). It is known
 * before the 703 nodes are read, which is what makes a 304 cheap.
 */
export function versionEtag(version: { id: string; updatedAt: Date; trackUpdatedAt: Date }): string {
  const stamp = `${version.id}:${version.updatedAt.toISOString()}:${version.trackUpdatedAt.toISOString()}`;
  return `"${createHash("sha256").update(stamp).digest("base64url").slice(0, 27)}"`;
}

/** True when an If-None-Match header names this tag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const candidate = tag.trim().replace(/^W\//, "");
    return candidate === "*" || candidate === etag;
  });
}

export const nodeSelect = {
  id: true,
  parentId: true,
  stableKey: true,
  ordinal: true,
  position: true,
  depth: true,
  kind: true,
  title: true,
  description: true,
  optional: true,
  evidenceRequired: true,
  verificationRequired: true,
  estimatedMinutes: true,
  dueUnit: true,
  dueCount: true,
  resources: true,
} as const satisfies Prisma.TrackNodeSelect;

/** A node row as the API shows it (resources are JSON in the database). */
export function toNodeOut(row: Prisma.TrackNodeGetPayload<{ select: typeof nodeSelect }>): TrackNodeOut {
  const { dueUnit, dueCount, ...rest } = row;
  return {
    ...rest,
    due: dueUnit !== null && dueCount !== null ? { unit: dueUnit === "DAY" ? "day" : "week", count: dueCount } : null,
    resources: Array.isArray(row.resources) ? (row.resources as TrackNodeOut["resources"]) : [],
  };
}

/** A relative due as the TrackNode columns store it. */
export function dueColumns(due: RelativeDue | null): { dueUnit: "DAY" | "WEEK" | null; dueCount: number | null } {
  return due === null ? { dueUnit: null, dueCount: null } : { dueUnit: due.unit === "day" ? "DAY" : "WEEK", dueCount: due.count };
}

/** Every node of a version in pre-order: one query, walking the (versionId, ordinal) index. */
export async function versionNodes(organizationId: string, versionId: string, db: DbClient = getDb()): Promise<TrackNodeOut[]> {
  const rows = await db.trackNode.findMany({ where: { versionId, organizationId }, orderBy: { ordinal: "asc" }, select: nodeSelect });
  return rows.map(toNodeOut);
}

export async function versionTree(ctx: OrgContext, version: Awaited<ReturnType<typeof findVersion>>) {
  const nodes = await versionNodes(ctx.organization.id, version.id);
  const { track, updatedAt, ...summary } = version;
  return { track, version: { ...toVersionSummary(summary, new Map([[version.id, countsOfNodes(nodes)]])), updatedAt }, nodes };
}
