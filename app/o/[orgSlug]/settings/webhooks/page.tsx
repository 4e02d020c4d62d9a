import { IntegrationsPage } from "@/components/webhooks/integrations-page";
import { orgPage } from "@/lib/orgs/org-page";

// Every member may open it; IntegrationsPage shows the owners' controls only to owners (integration.manage).
const page = orgPage({ path: "/o/[orgSlug]/settings/webhooks", permission: "org.read", title: "Webhooks" }, ({ ctx }) => (
  <IntegrationsPage slug={ctx.organization.slug} role={ctx.membership.role} kind="WEBHOOK" />
));

export const generateMetadata = page.generateMetadata;
export default page;
