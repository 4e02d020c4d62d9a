import type { Metadata } from "next";
import Link from "next/link";
import { OutlineTree } from "@/components/tracks/outline-tree";
import { ExportLinks } from "@/components/tracks/export-links";
import { STATUS_LABEL } from "@/components/tracks/track-row";
import { requireOrgPageAccess } from "@/lib/orgs/page-access";
import { exportFileName } from "@/lib/tracks/export-version";
import { loadTrack } from "./load-track";

type Params = { params: Promise<{ orgSlug: string; trackId: string }> };

export const metadata: Metadata = { title: "Track" };

export default async function TrackPage({ params }: Params) {
  const { orgSlug, trackId } = await params;
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/tracks/${trackId}`);
  if (access.suspended) return null; // the layout explains
  const { track, latest, nodes } = await loadTrack(access, trackId);
  const slug = access.organization.slug;

  return (
    <article aria-labelledby="track-heading" className="flex flex-col gap-6">
      <div>
        <Link href={`/o/${slug}/tracks`} className="text-sm font-medium text-link underline-offset-2 hover:underline">
          ← Tracks
        </Link>
        <h1 id="track-heading" className="mt-1 text-2xl font-semibold tracking-tight">
          {track.title}
        </h1>
        {track.description ? <p className="mt-1 text-sm text-muted-foreground">{track.description}</p> : null}
      </div>

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading" className="text-lg font-semibold">
          Versions
        </h2>
        <ul className="mt-2 flex flex-col gap-1 text-sm">
          {track.versions.map((version) => (
            <li key={version.id}>
              Version {version.number} · {STATUS_LABEL[version.status]} · {version.counts.sections} sections · {version.counts.items} items
            </li>
          ))}
        </ul>
      </section>

      {latest ? (
        <section aria-labelledby="tree-heading" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="tree-heading" className="text-lg font-semibold">
              Version {latest.number}: {latest.counts.sections} sections, {latest.counts.items} items
            </h2>
            <ExportLinks
              base={`/api/v1/o/${encodeURIComponent(slug)}/tracks/${encodeURIComponent(track.id)}/versions/${latest.number}/export`}
              jsonFileName={exportFileName(track.title, latest.number, "json")}
            />
          </div>
          <OutlineTree nodes={nodes} label={`Version ${latest.number} tree`} />
        </section>
      ) : (
        <p className="text-sm text-muted-foreground">This track has no versions yet.</p>
      )}
    </article>
  );
}
