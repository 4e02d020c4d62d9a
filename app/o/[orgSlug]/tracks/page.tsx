import type { Metadata } from "next";
import { TracksList } from "@/components/tracks/tracks-list";
import { can } from "@/lib/authz/policy";
import { orgPageAccess, requireOrgPageAccess } from "@/lib/orgs/page-access";

type Params = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const access = await orgPageAccess((await params).orgSlug);
  return { title: access && !access.suspended ? `Tracks · ${access.organization.name}` : "Tracks" };
}

export default async function TracksPage({ params }: Params) {
  const { orgSlug } = await params;
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/tracks`);
  if (access.suspended) return null; // the layout explains
  return <TracksList slug={access.organization.slug} canCreate={can(access.membership.role, "track.create")} />;
}
