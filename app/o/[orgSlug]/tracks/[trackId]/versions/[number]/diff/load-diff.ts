import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/http/errors";
import { diffQuerySchema } from "@/lib/tracks/diff-schema";
import { diffTrackVersions } from "@/lib/tracks/diff-track-versions";
import { getTrack } from "@/lib/tracks/read-track";
import type { OrgContext } from "@/lib/orgs/context";
import { orNotFound, trackIdOrNotFound, versionNumberOrNotFound } from "../../../track-params";

export type DiffResult = Awaited<ReturnType<typeof diffTrackVersions>>;

/**
 * The diff page's data, through the same service as the API. The track or the
 * compared version missing is the page's 404; a comparison the API refuses (no
 * earlier version, the same version twice, a `from` that does not exist or is
 * not a number) is a message beside the version pickers instead.
 */
export async function loadDiff(ctx: OrgContext, trackId: string, numberParam: string, fromParam: string | undefined) {
  const number = versionNumberOrNotFound(numberParam);
  const track = await orNotFound(getTrack(ctx, trackIdOrNotFound(trackId)));
  if (!track.versions.some((version) => version.number === number)) notFound();
  const base = { track, number, versions: track.versions };
  if (track.versions.length < 2) return { ...base, from: null, diff: null, problem: "This track has only one version so far: there is nothing to compare it with yet." };

  const query = diffQuerySchema.safeParse(fromParam === undefined ? {} : { from: fromParam });
  if (!query.success) return { ...base, from: null, diff: null, problem: `“${fromParam}” is not a version number. Choose a version to compare with.` };
  const from = query.data.from;
  try {
    const diff = await diffTrackVersions(ctx, track.id, number, from);
    return { ...base, from: diff.from.number, diff, problem: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "NOT_FOUND") return { ...base, from: null, diff: null, problem: `This track has no version ${from}. Choose a version to compare with.` };
    if (error.code === "VALIDATION_FAILED") return { ...base, from: null, diff: null, problem: `${error.message} Choose another version to compare with.` };
    throw error;
  }
}
