import type { Metadata } from "next";
import { RenameOrganizationForm } from "@/components/orgs/rename-organization-form";
import { can } from "@/lib/authz/policy";
import { requireOrgPageAccess } from "@/lib/orgs/page-access";

export const metadata: Metadata = { title: "Organization settings" };

export default async function OrganizationSettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/settings`);
  if (access.suspended) return null; // the layout explains the suspension

  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <section className="mt-8 rounded-xl border border-border bg-surface p-6" aria-labelledby="org-name">
        <h2 id="org-name" className="text-lg font-semibold">
          Organization name
        </h2>
        {can(access.membership.role, "org.update") ? (
          <>
            <p className="mt-1 mb-4 text-sm text-muted-foreground">
              Shown to everyone in the organization. The address <span className="font-mono">/o/{access.organization.slug}</span> stays the same.
            </p>
            <RenameOrganizationForm slug={access.organization.slug} name={access.organization.name} />
          </>
        ) : (
          <p className="mt-1 text-sm text-muted-foreground">
            {access.organization.name}. Only owners can change the organization&apos;s settings.
          </p>
        )}
      </section>
    </div>
  );
}
