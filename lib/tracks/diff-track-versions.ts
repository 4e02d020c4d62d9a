import { getDb } from "@/lib/db/client";
import { invalidInput } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { findVersion, versionNodes } from "./read-version";
import type { TrackNodeOut } from "./schema";
import { countsOfNodes, toVersionSummary } from "./track-summary";
import { diffVersions } from "./version-diff";

function invalidFrom(message: string) {
  return invalidInput("query.from", message);
}

/** The highest version number of the track below `number`, or null for its first version. */
async function previousNumber(ctx: OrgContext, trackId: string, number: number): Promise<number | null> {
  const previous = await getDb().trackVersion.findFirst({
    where: { trackId, organizationId: ctx.organization.id, number: { lt: number } },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return previous?.number ?? null;
}

function summaryOf(version: Awaited<ReturnType<typeof findVersion>>, nodes: readonly TrackNodeOut[]) {
  const { id, number, status, publishedAt, createdAt } = version;
  return toVersionSummary({ id, number, status, publishedAt, createdAt }, new Map([[id, countsOfNodes(nodes)]]));
}

/**
 * What changed from version `from` (by default the one before) to version
 * `number` of a track of the caller's organization. Either version missing, or
 * another organization's track, is a 404; no earlier version to default to, or
 * a version compared with itself, is a 422 on `query.from`.
 */
export async function diffTrackVersions(ctx: OrgContext, trackId: string, number: number, from?: number) {
  const to = await findVersion(ctx, trackId, number);
  if (from === number) throw invalidFrom(`Compare version ${number} with a different version.`);
  const fromNumber = from ?? (await previousNumber(ctx, trackId, number));
  if (fromNumber === null) throw invalidFrom(`Version ${number} is the first version of this track: there is no earlier version to compare it with.`);
  const before = await findVersion(ctx, trackId, fromNumber);
  const [fromNodes, toNodes] = await Promise.all([versionNodes(ctx.organization.id, before.id), versionNodes(ctx.organization.id, to.id)]);
  return { track: to.track, from: summaryOf(before, fromNodes), to: summaryOf(to, toNodes), ...diffVersions(fromNodes, toNodes) };
}
