import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CreateOrganizationForm } from "@/components/orgs/create-organization-form";
import { requireUser } from "@/lib/auth/require-user";
import { listMyOrganizations } from "@/lib/orgs/service";

export const metadata: Metadata = { title: "Your organizations" };

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<{ pick?: string; deleted?: string }> }) {
  const user = await requireUser("/o");
  const memberships = await listMyOrganizations(user.id);
  const active = memberships.filter((membership) => membership.status === "ACTIVE");
  const { pick, deleted } = await searchParams;
  // One organization and no explicit request to choose (nor one just deleted to confirm): go straight there.
  if (active.length === 1 && memberships.length === 1 && !pick && !deleted) redirect(`/o/${active[0]!.organization.slug}`);

  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight">Your organizations</h1>
      {deleted ? (
        // Generic on purpose: the address is anyone's to craft, so it names no organization.
        <p role="status" className="mt-4 rounded-lg border border-border bg-surface-muted px-4 py-3 text-sm">
          The organization was deleted, with its data and files. Your account and your other organizations are unchanged.
        </p>
      ) : null}
      {memberships.length === 0 ? (
        <p className="mt-2 text-muted-foreground">You do not belong to an organization yet. Open the invitation your manager sent you, or create your own below.</p>
      ) : (
        <ul className="mt-6 divide-y divide-border rounded-xl border border-border bg-surface">
          {memberships.map(({ organization, role, status }) => (
            <li key={organization.id} className="flex items-center justify-between gap-4 px-4 py-3">
              {status === "ACTIVE" ? (
                <Link href={`/o/${organization.slug}`} className="font-medium text-link underline-offset-2 hover:underline">
                  {organization.name}
                </Link>
              ) : (
                <span className="font-medium text-muted-foreground">{organization.name}</span>
              )}
              <span className="text-sm text-muted-foreground">
                {role.toLowerCase()}
                {status === "SUSPENDED" ? " · suspended" : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      <section className="mt-10" aria-labelledby="create-org">
        <h2 id="create-org" className="text-lg font-semibold">
          Create an organization
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted-foreground">You will be its owner and can invite people to it.</p>
        <CreateOrganizationForm />
      </section>
    </div>
  );
}
