import type { Metadata } from "next";
import { IntegrationsPage } from "@/components/webhooks/integrations-page";
import { requireOrgPageAccess } from "@/lib/orgs/page-access";

export const metadata: Metadata = { title: "Slack" };

export default async function SlackSettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/settings/slack`);
  if (access.suspended) return null; // the layout explains the suspension
  return <IntegrationsPage slug={access.organization.slug} role={access.membership.role} kind="SLACK" />;
}
