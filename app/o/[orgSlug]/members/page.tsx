import type { Metadata } from "next";
import { MembersDirectory } from "@/components/members/members-directory";
import { countActiveOwners } from "@/lib/members/member-summary";
import { orgPageAccess, requireOrgPageAccess } from "@/lib/orgs/page-access";

type Params = { params: Promise<{ orgSlug: string }> };
type PageProps = Params & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const access = await orgPageAccess((await params).orgSlug);
  return { title: access && !access.suspended ? `Members · ${access.organization.name}` : "Members" };
}

export default async function MembersPage({ params, searchParams }: PageProps) {
  const { orgSlug } = await params;
  // Signing in brings the visitor back to the same search and filters.
  const query = new URLSearchParams(Object.entries(await searchParams).flatMap(([key, value]) => [value ?? []].flat().map((item) => [key, item]))).toString();
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/members${query ? `?${query}` : ""}`);
  if (access.suspended) return null; // the layout explains
  const viewer = { membershipId: access.membership.id, role: access.membership.role, activeOwnerCount: await countActiveOwners(access.organization.id) };
  return <MembersDirectory slug={access.organization.slug} organizationName={access.organization.name} viewer={viewer} />;
}
