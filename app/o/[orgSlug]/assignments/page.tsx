import type { Metadata } from "next";
import { AssignmentsDirectory } from "@/components/assignments/assignments-directory";
import type { AssignmentsScope } from "@/components/assignments/assignments-directory";
import { can } from "@/lib/authz/policy";
import type { Role } from "@/lib/generated/prisma/enums";
import { orgPageAccess, requireOrgPageAccess } from "@/lib/orgs/page-access";

type Params = { params: Promise<{ orgSlug: string }> };
type PageProps = Params & { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The API narrows the list the same way (lib/assignments/access.ts); this only picks the words.
const SCOPE: Record<Role, AssignmentsScope> = { OWNER: "all", ADMIN: "all", MENTOR: "mentored", MEMBER: "own" };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const access = await orgPageAccess((await params).orgSlug);
  return { title: access && !access.suspended ? `Assignments · ${access.organization.name}` : "Assignments" };
}

export default async function AssignmentsPage({ params, searchParams }: PageProps) {
  const { orgSlug } = await params;
  // Signing in brings the visitor back to the same filters.
  const query = new URLSearchParams(Object.entries(await searchParams).flatMap(([key, value]) => [value ?? []].flat().map((item) => [key, item]))).toString();
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/assignments${query ? `?${query}` : ""}`);
  if (access.suspended) return null; // the layout explains
  const role = access.membership.role;
  return <AssignmentsDirectory slug={access.organization.slug} scope={SCOPE[role]} canManage={can(role, "assignment.update")} />;
}
