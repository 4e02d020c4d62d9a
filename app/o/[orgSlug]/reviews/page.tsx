import { ReviewQueue } from "@/components/reviews/review-queue";
import { isManagerRole } from "@/lib/authz/policy";
import { orgPage, orgTitle } from "@/lib/orgs/org-page";

/**
 * The review queue: owners, admins and mentors ("evidence.review"; only reviewers see the tab,
 * for anyone else the page does not exist); the API narrows it to what each may review.
 */
const page = orgPage(
  // Signing in brings the visitor back to the same filters.
  { path: "/o/[orgSlug]/reviews", permission: "evidence.review", returnQuery: "all", title: orgTitle("Reviews") },
  ({ ctx }) => <ReviewQueue slug={ctx.organization.slug} viewer={{ userId: ctx.user.id, reviewsAll: isManagerRole(ctx.membership.role) }} />,
);

export const generateMetadata = page.generateMetadata;
export default page;
