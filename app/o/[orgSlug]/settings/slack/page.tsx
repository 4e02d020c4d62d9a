import { IntegrationsPage } from "@/components/webhooks/integrations-page";
import { orgPage } from "@/lib/orgs/org-page";

// Every member may open it; IntegrationsPage shows the owners' controls only to owners (integration.manage).
const page = orgPage({ path: "/o/[orgSlug]/settings/slack", permission: "org.read", title: "Slack" }, ({ ctx }) => (
  <IntegrationsPage slug={ctx.organization.slug} role={ctx.membership.role} kind="SLACK" />
));

export const generateMetadata = page.generateMetadata;
export default page;
