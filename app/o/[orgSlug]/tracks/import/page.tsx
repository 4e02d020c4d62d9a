import Link from "next/link";
import { ImportForm } from "@/components/tracks/import-form";
import { LibraryPicker } from "@/components/tracks/library-picker";
import { can } from "@/lib/authz/policy";
import { orgPage, orgTitle } from "@/lib/orgs/org-page";

const page = orgPage(
  // Everyone may open it; only managers get the form (below).
  { path: "/o/[orgSlug]/tracks/import", permission: "track.read", title: orgTitle("Import a track") },
  async ({ ctx }) => {
    const slug = ctx.organization.slug;
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
        {can(ctx.membership.role, "track.create") ? (
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
  },
);

export const generateMetadata = page.generateMetadata;
export default page;
