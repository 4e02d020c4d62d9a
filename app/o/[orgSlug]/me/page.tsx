import { MyAssignments } from "@/components/assignments/home/my-assignments";
import { orgPage } from "@/lib/orgs/org-page";

/** The hire's home in an organization: the tracks assigned to them. */
const page = orgPage({ path: "/o/[orgSlug]/me", permission: "assignment.read", title: "My work" }, ({ ctx }) => (
  <section aria-labelledby="my-work-heading" className="flex flex-col gap-5">
    <div>
      <h1 id="my-work-heading" className="text-2xl font-semibold tracking-tight">
        My work
      </h1>
      <p className="mt-1 text-sm text-muted-foreground">The tracks assigned to you in {ctx.organization.name}.</p>
    </div>
    <MyAssignments slug={ctx.organization.slug} userId={ctx.user.id} />
  </section>
));

export const generateMetadata = page.generateMetadata;
export default page;
