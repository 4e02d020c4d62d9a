/**
 * /o/{slug}, every member's way in (decision 0039), called as Next.js calls it: hires go to My
 * work, mentors to their mentees, owners and admins to the setup checklist until it is
 * complete and to the dashboard after. The setup page is the managers' alone.
 */
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isValidElement } from "react";
import type { ReactNode } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import HomePage from "@/app/o/[orgSlug]/page";
import InvitationsPage from "@/app/o/[orgSlug]/invitations/page";
import SetupPage from "@/app/o/[orgSlug]/setup/page";
import { updateItem } from "../assignments/assignments-fixture";
import { assignedOrg } from "../evidence/evidence-fixture";
import { organizationWith } from "../members/members-fixture";
import { useJobQueue } from "../support/use-job-queue";

const request = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    getAll: () =>
      request.cookie
        .split(";")
        .filter((pair) => pair.includes("="))
        .map((pair) => ({ name: pair.slice(0, pair.indexOf("=")).trim(), value: pair.slice(pair.indexOf("=") + 1) })),
  }),
}));
vi.mock("server-only", () => ({}));

// Assigning a track enqueues its emails (lib/reminders).
useJobQueue();

beforeEach(() => {
  request.cookie = "";
});

const props = (orgSlug: string) => ({ params: Promise.resolve({ orgSlug }), searchParams: Promise.resolve({}) });

async function outcome(render: () => Promise<ReactNode>): Promise<{ element: ReactNode } | { redirect: string } | { status: 404 }> {
  try {
    return { element: await render() };
  } catch (error) {
    if (isRedirectError(error)) return { redirect: getURLFromRedirectError(error) };
    if (((error as { digest?: string }).digest ?? "").includes(";404")) return { status: 404 };
    throw error;
  }
}

describe("the organization's home", () => {
  it("sends each member to their own page, and owners and admins from setup to the dashboard once setup is complete", async () => {
    const org = await assignedOrg();
    const home = () => outcome(() => HomePage(props(org.slug)));

    request.cookie = org.hire.cookie;
    expect(await home()).toEqual({ redirect: `/o/${org.slug}/me` });
    request.cookie = org.mentor.cookie;
    expect(await home()).toEqual({ redirect: `/o/${org.slug}/mentees` });
    // Everything but a hire's first marked item.
    for (const manager of [org.owner, org.admin]) {
      request.cookie = manager.cookie;
      expect(await home()).toEqual({ redirect: `/o/${org.slug}/setup` });
    }

    expect((await updateItem(org.slug, org.hire.cookie, org.assignmentId, org.key("Scope"), { state: "DONE" })).status).toBe(200);
    for (const manager of [org.owner, org.admin]) {
      request.cookie = manager.cookie;
      expect(await home()).toEqual({ redirect: `/o/${org.slug}/dashboard` });
    }
    request.cookie = org.hire.cookie;
    expect(await home()).toEqual({ redirect: `/o/${org.slug}/me` });

    // A signed-out visitor signs in and comes back to the same door; the checklist's
    // "Invite people" link keeps opening the dialog after sign-in, and nothing else is kept.
    request.cookie = "";
    expect(await home()).toEqual({ redirect: `/sign-in?callbackUrl=${encodeURIComponent(`/o/${org.slug}`)}` });
    const invitations = (searchParams: Record<string, string>) => outcome(() => InvitationsPage({ params: Promise.resolve({ orgSlug: org.slug }), searchParams: Promise.resolve(searchParams) }));
    expect(await invitations({ invite: "1", junk: "x" })).toEqual({ redirect: `/sign-in?callbackUrl=${encodeURIComponent(`/o/${org.slug}/invitations?invite=1`)}` });
    expect(await invitations({ invite: "yes" })).toEqual({ redirect: `/sign-in?callbackUrl=${encodeURIComponent(`/o/${org.slug}/invitations`)}` });
  });

  it("shows the setup page to owners and admins only, and 404s another organization's", async () => {
    const { organization, members } = await organizationWith("OWNER", "ADMIN", "MENTOR", "MEMBER");
    const [owner, admin, mentor, hire] = members as [(typeof members)[number], (typeof members)[number], (typeof members)[number], (typeof members)[number]];
    for (const person of [owner, admin]) {
      request.cookie = person.cookie;
      const page = await outcome(() => SetupPage(props(organization.slug)));
      expect("element" in page && isValidElement(page.element)).toBe(true);
    }
    for (const person of [mentor, hire]) {
      request.cookie = person.cookie;
      expect(await outcome(() => SetupPage(props(organization.slug)))).toEqual({ status: 404 });
    }
    const other = await organizationWith("OWNER");
    request.cookie = other.members[0]!.cookie;
    expect(await outcome(() => SetupPage(props(organization.slug)))).toEqual({ status: 404 });
    expect(await outcome(() => HomePage(props(organization.slug)))).toEqual({ status: 404 });
  });
});
