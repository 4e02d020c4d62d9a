import Link from "next/link";
import { buttonStyles } from "@/components/ui/button";
import { PublishVersionButton } from "./publish-version-button";
import { diffHref, editVersionHref, versionHref } from "./versions-api";
import type { VersionSummary } from "./version-summary";

const linkClass = "text-sm font-medium text-link underline-offset-2 hover:underline";

/**
 * What can be done with one version: view it, compare it with the one before,
 * and, for a draft and someone who may, edit or publish it. The hidden words
 * tell apart the same link on each row of a list for screen-reader users.
 */
export function VersionActions({
  slug,
  trackId,
  version,
  previous,
  canEdit,
  canPublish,
  showView = true,
}: {
  slug: string;
  trackId: string;
  version: VersionSummary;
  previous: number | null;
  canEdit: boolean;
  canPublish: boolean;
  showView?: boolean;
}) {
  const draft = version.status === "DRAFT";
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      {showView ? (
        <Link href={versionHref(slug, trackId, version.number)} className={linkClass}>
          View<span className="sr-only"> version {version.number}</span>
        </Link>
      ) : null}
      {previous !== null ? (
        <Link href={diffHref(slug, trackId, version.number, previous)} className={linkClass}>
          Compare with v{previous}
        </Link>
      ) : null}
      {draft && canEdit ? (
        <Link href={editVersionHref(slug, trackId, version.number)} className={buttonStyles({ variant: "secondary", size: "sm" })}>
          Edit<span className="sr-only"> version {version.number}</span>
        </Link>
      ) : null}
      {draft && canPublish ? <PublishVersionButton slug={slug} trackId={trackId} number={version.number} /> : null}
    </div>
  );
}
