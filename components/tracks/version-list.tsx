import { VersionActions } from "./version-actions";
import { VersionDate, versionLine } from "./version-summary";
import type { VersionSummary } from "./version-summary";

/** A track's versions, newest first, each with its counts, date and actions. */
export function VersionList({
  slug,
  trackId,
  versions,
  canEdit,
  canPublish,
}: {
  slug: string;
  trackId: string;
  versions: readonly VersionSummary[];
  canEdit: boolean;
  canPublish: boolean;
}) {
  if (versions.length === 0) return <p className="rounded-xl border border-dashed border-border-strong p-6 text-sm">This track has no versions yet.</p>;
  return (
    <ul aria-label="Versions" className="divide-y divide-border rounded-xl border border-border bg-surface">
      {versions.map((version, index) => (
        <li key={version.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <p className="text-sm font-medium">{versionLine(version)}</p>
            <p className="text-sm text-muted-foreground">
              <VersionDate version={version} />
            </p>
          </div>
          <VersionActions slug={slug} trackId={trackId} version={version} previous={versions[index + 1]?.number ?? null} canEdit={canEdit} canPublish={canPublish} />
        </li>
      ))}
    </ul>
  );
}
