import Link from "next/link";
import { AssignTrackForm } from "@/components/assignments/assign-track-form";
import { can } from "@/lib/authz/policy";
import { orgPage, orgTitle } from "@/lib/orgs/org-page";
import type { SearchParams } from "@/lib/orgs/org-page";

/** ?track=<id> preselects a track (a link from elsewhere); anything else is ignored. */
function trackParam(searchParams: SearchParams): string {
  const track = searchParams.track;
  return typeof track === "string" && /^[a-z0-9]{1,64}$/.test(track) ? track : "";
}

const page = orgPage(
  {
    path: "/o/[orgSlug]/assignments/new",
    // Everyone may open it; only managers get the form (below).
    permission: "assignment.read",
    returnQuery: (searchParams) => (trackParam(searchParams) ? `track=${trackParam(searchParams)}` : ""),
    title: orgTitle("Assign a track"),
  },
  ({ ctx, searchParams }) => {
    const slug = ctx.organization.slug;
    return (
      <section aria-labelledby="assign-heading" className="flex max-w-3xl flex-col gap-5">
        <div>
          <Link href={`/o/${slug}/assignments`} className="text-sm font-medium text-link underline-offset-2 hover:underline">
            ← Assignments
          </Link>
          <h1 id="assign-heading" className="mt-1 text-2xl font-semibold tracking-tight">
            Assign a track
          </h1>
          <p className="mt-1 text-sm text-muted-foreground">Give a published track to a new hire or a cohort, with their mentors and dates.</p>
        </div>
        {/* The server refuses anyone else too (assignment.create); this only spares them a form they cannot send. */}
        {can(ctx.membership.role, "assignment.create") ? (
          <AssignTrackForm slug={slug} initialTrackId={trackParam(searchParams)} />
        ) : (
          <p role="alert" className="rounded-xl border border-border bg-surface p-4 text-sm">
            Only owners and admins can assign tracks.
          </p>
        )}
      </section>
    );
  },
);

export const generateMetadata = page.generateMetadata;
export default page;
