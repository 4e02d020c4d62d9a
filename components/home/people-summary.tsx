import Link from "next/link";
import { ROLE_LABEL, STATUS_LABEL } from "@/lib/members/labels";
import type { memberSummary } from "@/lib/members/member-summary";

const ROLE_COUNT = {
  OWNER: ["owner", "owners"],
  ADMIN: ["admin", "admins"],
  MENTOR: ["mentor", "mentors"],
  MEMBER: ["new hire", "new hires"],
} as const;

/** Head counts by role and the first few people (owners first), with the way to Members and to invite more. */
export function PeopleSummary({ slug, summary, canInvite }: { slug: string; summary: Awaited<ReturnType<typeof memberSummary>>; canInvite: boolean }) {
  const membersHref = `/o/${slug}/members`;
  const counts = (Object.keys(ROLE_COUNT) as Array<keyof typeof ROLE_COUNT>)
    .filter((role) => summary.byRole[role] > 0)
    .map((role) => `${summary.byRole[role]} ${ROLE_COUNT[role][summary.byRole[role] === 1 ? 0 : 1]}`);
  if (summary.suspended > 0) counts.push(`${summary.suspended} suspended`);

  return (
    <section aria-labelledby="people" className="mt-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="people" className="text-lg font-semibold">
          People <span className="text-muted-foreground">({summary.total})</span>
        </h2>
        <div className="flex flex-wrap gap-4">
          {canInvite ? (
            <Link href={`/o/${slug}/invitations?invite=1`} className="text-sm font-medium text-link underline-offset-2 hover:underline">
              Invite people
            </Link>
          ) : null}
          <Link href={membersHref} className="text-sm font-medium text-link underline-offset-2 hover:underline">
            {summary.total > summary.first.length ? `See all ${summary.total} members` : "Go to Members"}
          </Link>
        </div>
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
                <td className="px-4 py-2 break-all">{person.user.email}</td>
                <td className="px-4 py-2">{ROLE_LABEL[person.role]}</td>
                <td className="px-4 py-2">{STATUS_LABEL[person.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
