import { AssignmentsDirectory } from "@/components/assignments/assignments-directory";
import type { AssignmentsScope } from "@/components/assignments/assignments-directory";
import { can } from "@/lib/authz/policy";
import type { Role } from "@/lib/generated/prisma/enums";
import { orgPage, orgTitle } from "@/lib/orgs/org-page";

// The API narrows the list the same way (lib/assignments/access.ts); this only picks the words.
const SCOPE: Record<Role, AssignmentsScope> = { OWNER: "all", ADMIN: "all", MENTOR: "mentored", MEMBER: "own" };

const page = orgPage(
  // Signing in brings the visitor back to the same filters.
  { path: "/o/[orgSlug]/assignments", permission: "assignment.read", returnQuery: "all", title: orgTitle("Assignments") },
  ({ ctx }) => {
    const role = ctx.membership.role;
    return <AssignmentsDirectory slug={ctx.organization.slug} scope={SCOPE[role]} canManage={can(role, "assignment.update")} />;
  },
);

export const generateMetadata = page.generateMetadata;
export default page;
