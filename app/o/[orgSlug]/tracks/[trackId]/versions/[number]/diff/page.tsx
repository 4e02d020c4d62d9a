import Link from "next/link";
import { DiffPicker } from "@/components/tracks/diff-picker";
import { trackHref } from "@/components/tracks/tracks-api";
import { VersionDiffView } from "@/components/tracks/version-diff-view";
import { versionHref } from "@/components/tracks/versions-api";
import { orgPage } from "@/lib/orgs/org-page";
import { countOf } from "@/lib/progress/count-words";
import type { SearchParams } from "@/lib/orgs/org-page";
import { loadDiff } from "./load-diff";

const linkClass = "text-sm font-medium text-link underline-offset-2 hover:underline";

/** `?from=`: the version to compare with (by default the one before). */
const fromOf = (searchParams: SearchParams) => [searchParams.from].flat()[0];

/** What changed between two versions of a track: version `number` against `?from=`. */
const page = orgPage(
  {
    path: "/o/[orgSlug]/tracks/[trackId]/versions/[number]/diff",
    permission: "track.read",
    returnQuery: (searchParams) => (fromOf(searchParams) === undefined ? "" : `from=${encodeURIComponent(fromOf(searchParams)!)}`),
    title: "Compare versions",
  },
  async ({ ctx, params, searchParams }) => {
    const { track, number: to, from, versions, diff, problem } = await loadDiff(ctx, params.trackId, params.number, fromOf(searchParams));
    const slug = ctx.organization.slug;

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
              has {countOf(diff.from.counts.items, "item")};{" "}
              <Link href={versionHref(slug, track.id, diff.to.number)} className={linkClass}>
                version {diff.to.number}
              </Link>{" "}
              has {countOf(diff.to.counts.items, "item")}.
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
  },
);

export const generateMetadata = page.generateMetadata;
export default page;
