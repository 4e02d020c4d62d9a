/**
 * The page gate (lib/orgs/org-page.ts), through real pages called as Next.js calls them,
 * with the request's cookies: signed out → sign-in and back (with the query the page
 * keeps), not a member or another organization → 404, suspended → nothing (the layout
 * explains), no permission → 404, and the session and membership in one statement. And
 * the roadmap page's server read: what it hands to react-query is what the API answers.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { isValidElement } from "react";
import type { ReactElement, ReactNode } from "react";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { beforeEach, describe, expect, it, vi } from "vitest";
import AssignmentPage from "@/app/o/[orgSlug]/assignments/[assignmentId]/page";
import AuditPage from "@/app/o/[orgSlug]/audit/page";
import DashboardPage from "@/app/o/[orgSlug]/dashboard/page";
import MembersPage from "@/app/o/[orgSlug]/members/page";
import VersionPage from "@/app/o/[orgSlug]/tracks/[trackId]/versions/[number]/page";
import { RoadmapHydration } from "@/components/assignments/roadmap/roadmap-hydration";
import { orgPageAccess } from "@/lib/orgs/page-access";
import { createAssignments, getAssignment, orgWithPublishedTrack } from "../assignments/assignments-fixture";
import { organizationWith } from "../members/members-fixture";
import { countQueries } from "../support/count-queries";
import { useJobQueue } from "../support/use-job-queue";

// The pages read the session from next/headers, which exists only inside a Next.js request.
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

const props = <P extends Record<string, string>>(params: P, searchParams: Record<string, string | string[]> = {}) => ({
  params: Promise.resolve(params),
  searchParams: Promise.resolve(searchParams),
});

/** What a page call ends in: its element, a redirect's URL, or the 404 that notFound() throws. */
async function outcome(render: () => Promise<ReactNode>): Promise<{ element: ReactNode } | { redirect: string } | { status: 404 }> {
  try {
    return { element: await render() };
  } catch (error) {
    if (isRedirectError(error)) return { redirect: getURLFromRedirectError(error) };
    if (((error as { digest?: string }).digest ?? "").includes(";404")) return { status: 404 };
    throw error;
  }
}

function findElement(node: ReactNode, type: unknown): ReactElement<Record<string, unknown>> | null {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findElement(child, type);
      if (found) return found;
    }
    return null;
  }
  if (!isValidElement<Record<string, unknown>>(node)) return null;
  if (node.type === type) return node;
  return findElement(node.props.children as ReactNode, type);
}

function pageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? pageFiles(full) : name === "page.tsx" ? [full] : [];
  });
}

describe("orgPage", () => {
  it("is every page of an organization, each declaring its own route and exporting its metadata", async () => {
    const files = pageFiles(path.join("app", "o", "[orgSlug]"));
    expect(files.length).toBeGreaterThanOrEqual(22);
    for (const file of files) {
      const module = (await import(/* @vite-ignore */ path.resolve(file))) as { default: { declaration?: { path: string } }; generateMetadata?: unknown; metadata?: unknown };
      expect(module.default.declaration?.path, file).toBe(`/${path.relative("app", path.dirname(file)).split(path.sep).join("/")}`);
      expect(module.generateMetadata, file).toBe((module.default as unknown as { generateMetadata: unknown }).generateMetadata);
      expect(module.metadata, file).toBeUndefined();
    }
  });

  it("sends a signed-out visitor to sign in and back to the page, with the query the page keeps", async () => {
    const { organization } = await organizationWith("OWNER");
    const slug = organization.slug;
    expect(await outcome(() => MembersPage(props({ orgSlug: slug })))).toEqual({ redirect: `/sign-in?callbackUrl=${encodeURIComponent(`/o/${slug}/members`)}` });
    // "all": every search param, repeated ones included.
    expect(await outcome(() => DashboardPage(props({ orgSlug: slug }, { sort: "due", track: ["a", "b"] })))).toEqual({
      redirect: `/sign-in?callbackUrl=${encodeURIComponent(`/o/${slug}/dashboard?sort=due&track=a&track=b`)}`,
    });
    // The audit page keeps only the filters it understands.
    expect(await outcome(() => AuditPage(props({ orgSlug: slug }, { actor: "someone", junk: "x" })))).toEqual({
      redirect: `/sign-in?callbackUrl=${encodeURIComponent(`/o/${slug}/audit?actor=someone`)}`,
    });
    // Every param of the route is filled in.
    expect(await outcome(() => VersionPage(props({ orgSlug: slug, trackId: "t1", number: "2" })))).toEqual({
      redirect: `/sign-in?callbackUrl=${encodeURIComponent(`/o/${slug}/tracks/t1/versions/2`)}`,
    });
  });

  it("answers 404 to a non-member, whether the organization exists or not, and nothing to a suspended member", async () => {
    const { organization, members } = await organizationWith("OWNER", ["ADMIN", "SUSPENDED"]);
    const [owner, suspended] = members as [(typeof members)[number], (typeof members)[number]];
    const other = await organizationWith("OWNER");
    request.cookie = other.members[0]!.cookie;
    expect(await outcome(() => MembersPage(props({ orgSlug: organization.slug })))).toEqual({ status: 404 });
    expect(await outcome(() => MembersPage(props({ orgSlug: `no-such-org-${organization.id}` })))).toEqual({ status: 404 });
    expect(await outcome(() => MembersPage(props({ orgSlug: `${organization.slug}\u0000` })))).toEqual({ status: 404 });

    request.cookie = suspended.cookie;
    expect(await outcome(() => AuditPage(props({ orgSlug: organization.slug })))).toEqual({ element: null });
    expect(await MembersPage.generateMetadata(props({ orgSlug: organization.slug }))).toEqual({ title: "Members" });

    request.cookie = owner.cookie;
    const page = await outcome(() => MembersPage(props({ orgSlug: organization.slug })));
    expect("element" in page && isValidElement(page.element)).toBe(true);
    expect(await MembersPage.generateMetadata(props({ orgSlug: organization.slug }))).toEqual({ title: `Members · ${organization.name}` });
  });

  it("answers 404 to a member without the page's permission", async () => {
    const { organization, members } = await organizationWith("ADMIN", "MENTOR", "MEMBER");
    const [admin, mentor, hire] = members as [(typeof members)[number], (typeof members)[number], (typeof members)[number]];
    expect(AuditPage.declaration.permission).toBe("audit.read");
    for (const person of [mentor, hire]) {
      request.cookie = person.cookie;
      expect(await outcome(() => AuditPage(props({ orgSlug: organization.slug })))).toEqual({ status: 404 });
      expect(await outcome(() => DashboardPage(props({ orgSlug: organization.slug })))).toEqual({ status: 404 });
    }
    request.cookie = admin.cookie;
    const page = await outcome(() => DashboardPage(props({ orgSlug: organization.slug })));
    expect("element" in page && isValidElement(page.element)).toBe(true);
  });

  it("reads the session and the membership in one statement", async () => {
    const { organization, members } = await organizationWith("MEMBER");
    request.cookie = members[0]!.cookie;
    const { result, statements } = await countQueries(() => orgPageAccess(organization.slug));
    expect(result).toMatchObject({ suspended: false, organization: { id: organization.id }, membership: { role: "MEMBER" } });
    expect(statements).toHaveLength(1);
  });
});

describe("the roadmap page", () => {
  it("hands react-query the assignment as the API answers it, under the roadmap's key, and 404s what the viewer may not see", async () => {
    const org = await orgWithPublishedTrack();
    const created = await createAssignments(org.slug, org.admin.cookie, { trackId: org.trackId, assigneeIds: [org.hire.userId], mentorIds: [org.mentor.userId], startDate: "2026-11-02", dueDate: "2026-12-18" });
    expect(created.status).toBe(201);
    const assignmentId = created.json!.items[0].id as string;

    for (const person of [org.hire, org.mentor, org.owner]) {
      request.cookie = person.cookie;
      const page = await outcome(() => AssignmentPage(props({ orgSlug: org.slug, assignmentId })));
      const hydration = "element" in page ? findElement(page.element, RoadmapHydration) : null;
      expect(hydration).not.toBeNull();
      const state = hydration!.props.state as { queries: Array<{ queryKey: unknown; state: { data: unknown; status: string } }> };
      const api = await getAssignment(org.slug, person.cookie, assignmentId);
      expect(api.status).toBe(200);
      expect(state.queries).toHaveLength(1);
      expect(state.queries[0]!.queryKey).toEqual(["assignment", org.slug, assignmentId]);
      expect(state.queries[0]!.state.status).toBe("success");
      // The same value the browser would fetch (dates are ISO strings in both).
      expect(state.queries[0]!.state.data).toEqual(api.json);
    }
    request.cookie = org.hire.cookie;
    expect(await AssignmentPage.generateMetadata(props({ orgSlug: org.slug, assignmentId }))).toEqual({ title: "Starter" });
    request.cookie = org.owner.cookie;
    expect((await AssignmentPage.generateMetadata(props({ orgSlug: org.slug, assignmentId }))).title).toMatch(/^Starter · /);

    // Another hire, a mentor who does not mentor it, and another organization's owner: 404 as in the API.
    for (const person of [org.otherHire, org.otherMentor]) {
      request.cookie = person.cookie;
      expect(await outcome(() => AssignmentPage(props({ orgSlug: org.slug, assignmentId })))).toEqual({ status: 404 });
    }
    const other = await organizationWith("OWNER");
    request.cookie = other.members[0]!.cookie;
    expect(await outcome(() => AssignmentPage(props({ orgSlug: other.organization.slug, assignmentId })))).toEqual({ status: 404 });
    expect(await outcome(() => AssignmentPage(props({ orgSlug: other.organization.slug, assignmentId: "not an id!" })))).toEqual({ status: 404 });
  });
});
