import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReviewQueue } from "@/components/reviews/review-queue";
import { can } from "@/lib/authz/policy";
import { orgPageAccess, requireOrgPageAccess } from "@/lib/orgs/page-access";

type Params = { params: Promise<{ orgSlug: string }> };
type PageProps = Params & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const access = await orgPageAccess((await params).orgSlug);
  return { title: access && !access.suspended ? `Reviews · ${access.organization.name}` : "Reviews" };
}

/** The review queue: owners, admins and mentors ("evidence.review"); the API narrows it to what each may review. */
export default async function ReviewsPage({ params, searchParams }: PageProps) {
  const { orgSlug } = await params;
  // Signing in brings the visitor back to the same filters.
  const query = new URLSearchParams(Object.entries(await searchParams).flatMap(([key, value]) => [value ?? []].flat().map((item) => [key, item]))).toString();
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/reviews${query ? `?${query}` : ""}`);
  if (access.suspended) return null; // the layout explains
  // Only reviewers see the tab; for anyone else the page does not exist.
  if (!can(access.membership.role, "evidence.review")) notFound();
  return <ReviewQueue slug={access.organization.slug} />;
}
