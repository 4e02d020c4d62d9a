import Link from "next/link";
import { UpgradeHiresPanel } from "@/components/assignments/upgrade/upgrade-hires-panel";
import { ExportLinks } from "@/components/tracks/export-links";
import { OutlineTree } from "@/components/tracks/outline-tree";
import { buttonStyles } from "@/components/ui/button";
import { StartDraftButton } from "@/components/tracks/start-draft-button";
import { VersionList } from "@/components/tracks/version-list";
import { exportBase, versionHref } from "@/components/tracks/versions-api";
import { can } from "@/lib/authz/policy";
import { nodeCountsText } from "@/lib/progress/count-words";
import { orgPage } from "@/lib/orgs/org-page";
import { exportFileName } from "@/lib/tracks/export-version";
import { loadTrack } from "./load-track";

/** A track's overview: its versions with what can be done with each, and the latest version's tree. */
const page = orgPage(
  { path: "/o/[orgSlug]/tracks/[trackId]", permission: "track.read", title: "Track" },
  async ({ ctx, params }) => {
    const { track, latest, nodes } = await loadTrack(ctx, params.trackId);
    const slug = ctx.organization.slug;
    const role = ctx.membership.role;
    // The drafts endpoint refuses a track with an open draft or nothing published; the button is offered only when it would work.
    const canAssign = can(role, "assignment.create") && track.versions.some((version) => version.status === "PUBLISHED");
    const canStartDraft = can(role, "track.create") && track.versions.some((version) => version.status === "PUBLISHED") && !track.versions.some((version) => version.status === "DRAFT");

    return (
      <article aria-labelledby="track-heading" className="flex flex-col gap-6">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="min-w-0">
            <Link href={`/o/${slug}/tracks`} className="text-sm font-medium text-link underline-offset-2 hover:underline">
              ← Tracks
            </Link>
            <h1 id="track-heading" className="mt-1 text-2xl font-semibold tracking-tight break-words">
              {track.title}
            </h1>
            {track.description ? <p className="mt-1 text-sm text-muted-foreground">{track.description}</p> : null}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {/* The next step once a version is published (decision 0039): the assign form with this track chosen. */}
            {canAssign ? (
              <Link href={`/o/${slug}/assignments/new?track=${track.id}`} prefetch={false} className={buttonStyles({ size: "sm" })}>
                Assign this track
              </Link>
            ) : null}
            {canStartDraft ? <StartDraftButton slug={slug} trackId={track.id} /> : null}
          </div>
        </div>

        <section aria-labelledby="versions-heading" className="flex flex-col gap-2">
          <h2 id="versions-heading" className="text-lg font-semibold">
            Versions
          </h2>
          <VersionList slug={slug} trackId={track.id} versions={track.versions} canEdit={can(role, "track.edit")} canPublish={can(role, "track.publish")} />
        </section>

        {/* Managers move hires on older versions to the latest (issue 15). */}
        {can(role, "assignment.update") && track.versions.some((version) => version.status === "PUBLISHED") ? <UpgradeHiresPanel slug={slug} trackId={track.id} /> : null}

        {latest ? (
          <section aria-labelledby="tree-heading" className="flex flex-col gap-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="tree-heading" className="text-lg font-semibold">
                <Link href={versionHref(slug, track.id, latest.number)} className="text-link underline-offset-2 hover:underline">
                  Version {latest.number}
                </Link>
                : {nodeCountsText(latest.counts)}
              </h2>
              <ExportLinks base={exportBase(slug, track.id, latest.number)} jsonFileName={exportFileName(track.title, latest.number, "json")} />
            </div>
            {nodes.length > 0 ? <OutlineTree nodes={nodes} label={`Version ${latest.number} tree`} /> : <p className="text-sm text-muted-foreground">Version {latest.number} has no sections or items yet.</p>}
          </section>
        ) : null}
      </article>
    );
  },
);

export const generateMetadata = page.generateMetadata;
export default page;
