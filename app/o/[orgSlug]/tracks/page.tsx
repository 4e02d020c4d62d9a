import { TracksList } from "@/components/tracks/tracks-list";
import { can } from "@/lib/authz/policy";
import { orgPage, orgTitle } from "@/lib/orgs/org-page";

const page = orgPage({ path: "/o/[orgSlug]/tracks", permission: "track.read", title: orgTitle("Tracks") }, ({ ctx }) => (
  <TracksList slug={ctx.organization.slug} canCreate={can(ctx.membership.role, "track.create")} />
));

export const generateMetadata = page.generateMetadata;
export default page;
