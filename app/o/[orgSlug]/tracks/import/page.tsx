import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "@/components/tracks/import-form";
import { LibraryPicker } from "@/components/tracks/library-picker";
import { can } from "@/lib/authz/policy";
import { orgPageAccess, requireOrgPageAccess } from "@/lib/orgs/page-access";

type Params = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const access = await orgPageAccess((await params).orgSlug);
  return { title: access && !access.suspended ? `Import a track · ${access.organization.name}` : "Import a track" };
}

export default async function ImportTrackPage({ params }: Params) {
  const { orgSlug } = await params;
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/tracks/import`);
  if (access.suspended) return null; // the layout explains
  const slug = access.organization.slug;
  return (
    <section aria-labelledby="import-heading" className="flex flex-col gap-5">
      <div>
        <Link href={`/o/${slug}/tracks`} className="text-sm font-medium text-link underline-offset-2 hover:underline">
          ← Tracks
        </Link>
        <h1 id="import-heading" className="mt-1 text-2xl font-semibold tracking-tight">
          Import a track
        </h1>
      </div>
      {can(access.membership.role, "track.create") ? (
        <>
          <ImportForm slug={slug} />
          <section aria-labelledby="library-heading" className="flex flex-col gap-3 border-t border-border pt-5">
            <h2 id="library-heading" className="text-lg font-semibold">
              Or start from the library
            </h2>
            <LibraryPicker slug={slug} />
          </section>
        </>
      ) : (
        <p role="alert" className="rounded-xl border border-border bg-surface p-4 text-sm">
          Only owners and admins can import tracks.
        </p>
      )}
    </section>
  );
}
