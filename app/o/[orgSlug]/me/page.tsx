import type { Metadata } from "next";
import { MyAssignments } from "@/components/assignments/home/my-assignments";
import { requireOrgPageAccess } from "@/lib/orgs/page-access";

type Params = { params: Promise<{ orgSlug: string }> };

export const metadata: Metadata = { title: "My work" };

/** The hire's home in an organization: the tracks assigned to them. */
export default async function MyWorkPage({ params }: Params) {
  const { orgSlug } = await params;
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/me`);
  if (access.suspended) return null; // the layout explains
  return (
    <section aria-labelledby="my-work-heading" className="flex flex-col gap-5">
      <div>
        <h1 id="my-work-heading" className="text-2xl font-semibold tracking-tight">
          My work
        </h1>
        <p className="mt-1 text-sm text-muted-foreground">The tracks assigned to you in {access.organization.name}.</p>
      </div>
      <MyAssignments slug={access.organization.slug} userId={access.user.id} />
    </section>
  );
}
