import type { Metadata } from "next";
import Link from "next/link";
import { AssignTrackForm } from "@/components/assignments/assign-track-form";
import { can } from "@/lib/authz/policy";
import { orgPageAccess, requireOrgPageAccess } from "@/lib/orgs/page-access";

type Params = { params: Promise<{ orgSlug: string }> };
type PageProps = Params & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const access = await orgPageAccess((await params).orgSlug);
  return { title: access && !access.suspended ? `Assign a track · ${access.organization.name}` : "Assign a track" };
}

export default async function AssignTrackPage({ params, searchParams }: PageProps) {
  const { orgSlug } = await params;
  // ?track=<id> preselects a track (a link from elsewhere); anything else is ignored.
  const track = (await searchParams).track;
  const initialTrackId = typeof track === "string" && /^[a-z0-9]{1,64}$/.test(track) ? track : "";
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/assignments/new${initialTrackId ? `?track=${initialTrackId}` : ""}`);
  if (access.suspended) return null; // the layout explains
  const slug = access.organization.slug;
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
      {can(access.membership.role, "assignment.create") ? (
        <AssignTrackForm slug={slug} initialTrackId={initialTrackId} />
      ) : (
        <p role="alert" className="rounded-xl border border-border bg-surface p-4 text-sm">
          Only owners and admins can assign tracks.
        </p>
      )}
    </section>
  );
}
