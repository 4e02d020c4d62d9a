import Link from "next/link";
import { ExportLinks } from "@/components/tracks/export-links";
import { OutlineTree } from "@/components/tracks/outline-tree";
import { trackHref } from "@/components/tracks/tracks-api";
import { VersionActions } from "@/components/tracks/version-actions";
import { VersionDate, versionLine } from "@/components/tracks/version-summary";
import { VersionSwitcher } from "@/components/tracks/version-switcher";
import { exportBase, versionHref } from "@/components/tracks/versions-api";
import { can } from "@/lib/authz/policy";
import { orgPage } from "@/lib/orgs/org-page";
import { exportFileName } from "@/lib/tracks/export-version";
import { loadVersion } from "./load-version";

/** One version's tree, with a way to every other version and to what changed since the one before. */
const page = orgPage(
  { path: "/o/[orgSlug]/tracks/[trackId]/versions/[number]", permission: "track.read", title: ({ params }) => `Version ${params.number}` },
  async ({ ctx, params }) => {
    const { track, version, previous, nodes } = await loadVersion(ctx, params.trackId, params.number);
    const slug = ctx.organization.slug;
    const role = ctx.membership.role;

    return (
      <article aria-labelledby="version-heading" className="flex flex-col gap-6">
        <div className="min-w-0">
          <Link href={trackHref(slug, track.id)} className="text-sm font-medium break-words text-link underline-offset-2 hover:underline">
            ← {track.title}
          </Link>
          <h1 id="version-heading" className="mt-1 text-2xl font-semibold tracking-tight">
            Version {version.number}
          </h1>
          <p className="mt-1 text-sm text-muted-foreground">
            {versionLine(version)} · <VersionDate version={version} />
          </p>
        </div>

        <VersionSwitcher versions={track.versions} current={version.number} hrefOf={(n) => versionHref(slug, track.id, n)} />

        <div className="flex flex-wrap items-center justify-between gap-3">
          <VersionActions slug={slug} trackId={track.id} version={version} previous={previous?.number ?? null} canEdit={can(role, "track.edit")} canPublish={can(role, "track.publish")} showView={false} />
          <ExportLinks base={exportBase(slug, track.id, version.number)} jsonFileName={exportFileName(track.title, version.number, "json")} />
        </div>

        <section aria-labelledby="tree-heading" className="flex flex-col gap-3">
          <h2 id="tree-heading" className="text-lg font-semibold">
            Tree
          </h2>
          {nodes.length > 0 ? (
            <OutlineTree nodes={nodes} label={`Version ${version.number} tree`} />
          ) : (
            <p className="rounded-xl border border-dashed border-border-strong p-6 text-sm">Version {version.number} has no sections or items yet.</p>
          )}
        </section>
      </article>
    );
  },
);

export const generateMetadata = page.generateMetadata;
export default page;
