import type { Metadata } from "next";
import Link from "next/link";
import { DiffPicker } from "@/components/tracks/diff-picker";
import { trackHref } from "@/components/tracks/tracks-api";
import { VersionDiffView } from "@/components/tracks/version-diff-view";
import { versionHref } from "@/components/tracks/versions-api";
import { requireOrgPageAccess } from "@/lib/orgs/page-access";
import { loadDiff } from "./load-diff";

type Params = { params: Promise<{ orgSlug: string; trackId: string; number: string }> };
type PageProps = Params & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Compare versions" };

const linkClass = "text-sm font-medium text-link underline-offset-2 hover:underline";

/** What changed between two versions of a track: version `number` against `?from=` (by default the one before). */
export default async function VersionDiffPage({ params, searchParams }: PageProps) {
  const { orgSlug, trackId, number } = await params;
  const fromParam = [(await searchParams).from].flat()[0];
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/tracks/${trackId}/versions/${number}/diff${fromParam === undefined ? "" : `?from=${encodeURIComponent(fromParam)}`}`);
  if (access.suspended) return null; // the layout explains
  const { track, number: to, from, versions, diff, problem } = await loadDiff(access, trackId, number, fromParam);
  const slug = access.organization.slug;

  return (
    <article aria-labelledby="diff-heading" className="flex flex-col gap-6">
      <div className="min-w-0">
        <Link href={trackHref(slug, track.id)} className={`${linkClass} break-words`}>
          ← {track.title}
        </Link>
        <h1 id="diff-heading" className="mt-1 text-2xl font-semibold tracking-tight">
          {from === null ? `Compare version ${to}` : `Changes from version ${from} to version ${to}`}
        </h1>
        {diff ? (
          <p className="mt-1 text-sm text-muted-foreground">
            <Link href={versionHref(slug, track.id, diff.from.number)} className={linkClass}>
              Version {diff.from.number}
            </Link>{" "}
            has {diff.from.counts.items} items;{" "}
            <Link href={versionHref(slug, track.id, diff.to.number)} className={linkClass}>
              version {diff.to.number}
            </Link>{" "}
            has {diff.to.counts.items}.
          </p>
        ) : null}
      </div>

      {versions.length > 1 ? (
        <DiffPicker key={`${from}-${to}`} slug={slug} trackId={track.id} versions={versions.map(({ number, status }) => ({ number, status }))} from={from} to={to} />
      ) : null}

      {problem ? (
        <p role="alert" className="rounded-xl border border-border bg-surface p-4 text-sm">
          {problem}
        </p>
      ) : null}
      {diff ? <VersionDiffView diff={diff} /> : null}
    </article>
  );
}
