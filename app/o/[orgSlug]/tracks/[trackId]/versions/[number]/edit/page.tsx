import Link from "next/link";
import { TrackEditor } from "@/components/tracks/editor/track-editor";
import { trackHref } from "@/components/tracks/tracks-api";
import { can } from "@/lib/authz/policy";
import { orgPage } from "@/lib/orgs/org-page";
import { findVersion } from "@/lib/tracks/read-version";
import { orNotFound, trackIdOrNotFound, versionNumberOrNotFound } from "../../../track-params";

/**
 * The editor of one draft. The page only checks who may edit what (the tree
 * itself loads in the browser, where the editor keeps it); another organization's
 * track or an unknown version is a 404, as in the API.
 */
const page = orgPage(
  // Everyone may open it; only managers get the editor (below).
  { path: "/o/[orgSlug]/tracks/[trackId]/versions/[number]/edit", permission: "track.read", title: "Edit track" },
  async ({ ctx, params }) => {
    const version = await orNotFound(findVersion(ctx, trackIdOrNotFound(params.trackId), versionNumberOrNotFound(params.number)));
    const slug = ctx.organization.slug;

    const refusal = !can(ctx.membership.role, "track.edit")
      ? "Only owners and admins can edit tracks."
      : version.status !== "DRAFT"
        ? `Version ${version.number} is published and cannot change. Start a new draft from the track page to edit it.`
        : null;
    if (refusal) {
      return (
        <section aria-labelledby="edit-heading" className="flex flex-col gap-4">
          <div>
            <Link href={trackHref(slug, params.trackId)} className="text-sm font-medium text-link underline-offset-2 hover:underline">
              ← Back to the track
            </Link>
            <h1 id="edit-heading" className="mt-1 text-2xl font-semibold tracking-tight">
              {version.track.title}
            </h1>
          </div>
          <p role="alert" className="rounded-xl border border-border bg-surface p-4 text-sm">
            {refusal}
          </p>
        </section>
      );
    }

    return (
      <section aria-labelledby="editor-heading">
        <TrackEditor slug={slug} trackId={params.trackId} versionNumber={version.number} initialTitle={version.track.title} canPublish={can(ctx.membership.role, "track.publish")} />
      </section>
    );
  },
);

export const generateMetadata = page.generateMetadata;
export default page;
