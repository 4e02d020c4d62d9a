import Link from "next/link";
import { ROLE_LABEL, STATUS_LABEL } from "@/lib/members/labels";
import { memberSummary } from "@/lib/members/member-summary";
import { orgPage } from "@/lib/orgs/org-page";

const ROLE_PHRASE = { OWNER: "You own this organization", ADMIN: "You are an admin here", MENTOR: "You are a mentor here", MEMBER: "You are a new hire here" } as const;

const ROLE_COUNT = {
  OWNER: ["owner", "owners"],
  ADMIN: ["admin", "admins"],
  MENTOR: ["mentor", "mentors"],
  MEMBER: ["new hire", "new hires"],
} as const;

/** The organization's front page: who the visitor is here, and its people. */
const page = orgPage(
  { path: "/o/[orgSlug]", permission: "org.read", title: ({ ctx }) => ctx?.organization.name ?? "Organization" },
  async ({ ctx }) => {
    const summary = await memberSummary(ctx.organization.id);
    const membersHref = `/o/${ctx.organization.slug}/members`;
    const counts = (Object.keys(ROLE_COUNT) as Array<keyof typeof ROLE_COUNT>)
      .filter((role) => summary.byRole[role] > 0)
      .map((role) => `${summary.byRole[role]} ${ROLE_COUNT[role][summary.byRole[role] === 1 ? 0 : 1]}`);
    if (summary.suspended > 0) counts.push(`${summary.suspended} suspended`);

    return (
      <>
        <p className="text-sm font-medium text-primary">{ROLE_PHRASE[ctx.membership.role]}</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">{ctx.organization.name}</h1>
        <section aria-labelledby="people" className="mt-8">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="people" className="text-lg font-semibold">
              People <span className="text-muted-foreground">({summary.total})</span>
            </h2>
            <Link href={membersHref} className="text-sm font-medium text-link underline-offset-2 hover:underline">
              {summary.total > summary.first.length ? `See all ${summary.total} members` : "Go to Members"}
            </Link>
          </div>
          <p className="mt-1 text-sm text-muted-foreground">{counts.join(" · ")}</p>
          <div className="mt-3 overflow-x-auto rounded-xl border border-border bg-surface">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-border text-muted-foreground">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">Name</th>
                  <th scope="col" className="px-4 py-2 font-medium">Email</th>
                  <th scope="col" className="px-4 py-2 font-medium">Role</th>
                  <th scope="col" className="px-4 py-2 font-medium">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {summary.first.map((person) => (
                  <tr key={person.id}>
                    <td className="px-4 py-2 font-medium">{person.user.name ?? "—"}</td>
                    <td className="px-4 py-2">{person.user.email}</td>
                    <td className="px-4 py-2">{ROLE_LABEL[person.role]}</td>
                    <td className="px-4 py-2">{STATUS_LABEL[person.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </>
    );
  },
);

export const generateMetadata = page.generateMetadata;
export default page;
