import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { resolveOrgScope } from "@/lib/orgs/membership";
import type { OrgScope } from "@/lib/orgs/membership";
import { listPeople } from "@/lib/orgs/service";

type Params = { params: Promise<{ orgSlug: string }> };

export const metadata: Metadata = { title: "Organization" };

const ROLE_LABEL = { OWNER: "Owner", ADMIN: "Admin", MENTOR: "Mentor", MEMBER: "New hire" } as const;
const ROLE_PHRASE = { OWNER: "You own this organization", ADMIN: "You are an admin here", MENTOR: "You are a mentor here", MEMBER: "You are a new hire here" } as const;

export default async function OrganizationPage({ params }: Params) {
  const { orgSlug } = await params;
  const user = await requireUser(`/o/${orgSlug}`);
  let scope: OrgScope;
  try {
    scope = await resolveOrgScope(getDb(), user.id, orgSlug);
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") {
      return (
        <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6">
          <h1 className="text-2xl font-semibold tracking-tight">Membership suspended</h1>
          <p className="mt-2 text-muted-foreground">{error.message}</p>
        </div>
      );
    }
    notFound(); // not a member: indistinguishable from an organization that does not exist
  }
  const people = await listPeople(scope.organization.id);

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">
      <p className="text-sm font-medium text-primary">{ROLE_PHRASE[scope.membership.role]}</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight">{scope.organization.name}</h1>
      <section className="mt-8" aria-labelledby="people">
        <h2 id="people" className="text-lg font-semibold">
          People <span className="text-muted-foreground">({people.length})</span>
        </h2>
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
              {people.map((person) => (
                <tr key={person.id}>
                  <td className="px-4 py-2 font-medium">{person.user.name ?? "—"}</td>
                  <td className="px-4 py-2">{person.user.email}</td>
                  <td className="px-4 py-2">{ROLE_LABEL[person.role]}</td>
                  <td className="px-4 py-2">{person.status === "ACTIVE" ? "Active" : "Suspended"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
