import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { encodeCursor } from "@/lib/members/cursor";
import { addMember, createOrganization, createUser, sessionCookieFor } from "../support/factories";
import { listMembers, organizationWith } from "./members-fixture";

/** Every page of a listing, following nextCursor. */
async function allPages(slug: string, cookie: string, query: string, between?: (page: number) => Promise<void>) {
  const pages: Array<Array<{ id: string; user: { name: string | null } }>> = [];
  let cursor: string | null = null;
  do {
    const { status, json } = await listMembers(slug, cookie, `${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(status).toBe(200);
    pages.push(json!.items);
    cursor = json!.nextCursor;
    await between?.(pages.length);
  } while (cursor);
  return pages;
}

describe("GET /api/v1/o/{orgSlug}/members", () => {
  it("lists each member with their user, role, status and join date, and nothing else", async () => {
    const { organization, members } = await organizationWith({ role: "OWNER", name: "Olga Owner" }, { role: "MEMBER", status: "SUSPENDED", name: "Hugo Hire" });
    const { status, json } = await listMembers(organization.slug, members[0]!.cookie);
    expect(status).toBe(200);
    expect(json!.nextCursor).toBeNull();
    const joinedAt = (await getDb().membership.findUniqueOrThrow({ where: { id: members[1]!.membershipId } })).createdAt.toISOString();
    expect(json!.items).toEqual([
      { id: members[1]!.membershipId, user: { id: members[1]!.userId, name: "Hugo Hire", email: members[1]!.email }, role: "MEMBER", status: "SUSPENDED", joinedAt },
      expect.objectContaining({ id: members[0]!.membershipId, role: "OWNER", status: "ACTIVE" }),
    ]);
  });

  it("is readable by every role, new hires included", async () => {
    const { organization, members } = await organizationWith("OWNER", "ADMIN", "MENTOR", "MEMBER");
    for (const person of members) {
      const { status, json } = await listMembers(organization.slug, person.cookie);
      expect(status).toBe(200);
      expect(json!.items).toHaveLength(4);
    }
  });

  it("searches names and emails case-insensitively, treating % and _ literally", async () => {
    const { organization, members } = await organizationWith(
      { role: "OWNER", name: "Alice Archer", email: `alice-${Date.now()}@example.test` },
      { role: "MEMBER", name: "Bob Baker", email: `bob.ALICE.fan-${Date.now()}@example.test` },
      { role: "MEMBER", name: "Carol 100% Sure" },
      { role: "MENTOR", name: "Dan_Underscore" },
      { role: "MEMBER", name: "Dana Plain" },
    );
    const cookie = members[0]!.cookie;
    const names = async (query: string) => ((await listMembers(organization.slug, cookie, query)).json!.items as Array<{ user: { name: string } }>).map((item) => item.user.name);
    expect(await names("q=aLiCe")).toEqual(["Alice Archer", "Bob Baker"]);
    expect(await names(`q=${encodeURIComponent(members[3]!.email.toUpperCase())}`)).toEqual(["Dan_Underscore"]);
    expect(await names("q=%25")).toEqual(["Carol 100% Sure"]);
    expect(await names("q=n_")).toEqual(["Dan_Underscore"]);
    expect(await names("q=%20%20nobody%20")).toEqual([]);
    // Blank search is no search.
    expect(await names("q=%20%20")).toHaveLength(5);
  });

  it("filters by role and status, also combined with a search", async () => {
    const { organization, members } = await organizationWith(
      { role: "OWNER", name: "Ola Owner" },
      { role: "MEMBER", name: "Mia Active" },
      { role: "MEMBER", status: "SUSPENDED", name: "Max Suspended" },
      { role: "MENTOR", status: "SUSPENDED", name: "Mo Mentor" },
    );
    const cookie = members[1]!.cookie;
    const names = async (query: string) => ((await listMembers(organization.slug, cookie, query)).json!.items as Array<{ user: { name: string } }>).map((item) => item.user.name);
    expect(await names("role=MEMBER")).toEqual(["Max Suspended", "Mia Active"]);
    expect(await names("status=SUSPENDED")).toEqual(["Max Suspended", "Mo Mentor"]);
    expect(await names("role=MEMBER&status=ACTIVE")).toEqual(["Mia Active"]);
    expect(await names("role=MENTOR&q=max")).toEqual([]);
    expect(await names("status=SUSPENDED&q=MO")).toEqual(["Mo Mentor"]);
  });

  it("pages through everyone in a stable order with no duplicates and no gaps, even when rows go away between pages", async () => {
    const organization = await createOrganization();
    const owner = await createUser({ name: "Aaron First" });
    await addMember(organization.id, owner.id, "OWNER");
    // Shared names force the id tie-break; unnamed users sort last.
    for (let index = 0; index < 9; index += 1) await addMember(organization.id, (await createUser({ name: "Sam Same" })).id, "MEMBER");
    for (let index = 0; index < 8; index += 1) await addMember(organization.id, (await createUser({ name: `Person ${String.fromCharCode(66 + index)}` })).id, "MENTOR");
    for (let index = 0; index < 4; index += 1) {
      const unnamed = await getDb().user.create({ data: { email: `unnamed-${index}-${Math.random().toString(36).slice(2)}@example.test` } });
      await addMember(organization.id, unnamed.id, "MEMBER");
    }
    const cookie = await sessionCookieFor(owner);
    const everyone = await getDb().membership.findMany({ where: { organizationId: organization.id }, include: { user: true } });
    expect(everyone).toHaveLength(22);

    const pages = await allPages(organization.slug, cookie, "limit=5");
    expect(pages.map((page) => page.length)).toEqual([5, 5, 5, 5, 2]);
    const ids = pages.flat().map((item) => item.id);
    expect(new Set(ids).size).toBe(22);
    expect(new Set(ids)).toEqual(new Set(everyone.map((row) => row.id)));
    const names = pages.flat().map((item) => item.user.name);
    expect(names[0]).toBe("Aaron First");
    expect(names.slice(-4)).toEqual([null, null, null, null]);
    // Within one name the membership id breaks the tie, so the order is total.
    const sams = pages.flat().filter((item) => item.user.name === "Sam Same").map((item) => item.id);
    expect(sams).toEqual([...sams].sort());

    // Remove the last row of each page before asking for the next: nothing else is skipped or repeated.
    const removed: string[] = [];
    const seen = await allPages(organization.slug, cookie, "limit=5", async (page) => {
      const last = pages[page - 1]?.at(-1);
      if (last && page < pages.length) {
        removed.push(last.id);
        await getDb().membership.delete({ where: { id: last.id } });
      }
    });
    expect(seen.flat().map((item) => item.id)).toEqual(ids);
    expect(removed).toHaveLength(4);
  });

  it("defaults to 25 a page", async () => {
    const { organization, members } = await organizationWith("OWNER");
    for (let index = 0; index < 26; index += 1) await addMember(organization.id, (await createUser()).id, "MEMBER");
    const { json } = await listMembers(organization.slug, members[0]!.cookie);
    expect(json!.items).toHaveLength(25);
    expect(json!.nextCursor).toEqual(expect.any(String));
    const rest = await listMembers(organization.slug, members[0]!.cookie, `cursor=${json!.nextCursor}&limit=100`);
    expect(rest.json!.items).toHaveLength(2);
    expect(rest.json!.nextCursor).toBeNull();
  });

  it("continues only within the caller's organization, whatever cursor it is given", async () => {
    const mine = await organizationWith({ role: "OWNER", name: "Zed Mine" });
    const theirs = await organizationWith({ role: "OWNER", name: "Theirs Able" }, { role: "MEMBER", name: "Theirs Baker" });
    const first = await listMembers(theirs.organization.slug, theirs.members[0]!.cookie, "limit=1");
    // A cursor from another organization, and one forged to sit before everything: only my rows.
    for (const cursor of [first.json!.nextCursor as string, encodeCursor({ name: "", id: "0" })]) {
      const { status, json } = await listMembers(mine.organization.slug, mine.members[0]!.cookie, `cursor=${cursor}`);
      expect(status).toBe(200);
      expect(json!.items.map((item: { id: string }) => item.id)).toEqual([mine.members[0]!.membershipId]);
    }
  });

  it("answers bad query parameters with 422 naming each one", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const cookie = members[0]!.cookie;
    const paths = async (query: string) => {
      const { status, json } = await listMembers(organization.slug, cookie, query);
      expect(status).toBe(422);
      expect(json!.error.code).toBe("VALIDATION_FAILED");
      return (json!.error.details.issues as Array<{ path: string }>).map((issue) => issue.path).sort();
    };
    expect(await paths("role=KING&status=GONE")).toEqual(["query.role", "query.status"]);
    expect(await paths("limit=0")).toEqual(["query.limit"]);
    expect(await paths("limit=101")).toEqual(["query.limit"]);
    expect(await paths("limit=ten")).toEqual(["query.limit"]);
    expect(await paths("cursor=bm90LWEtY3Vyc29y")).toEqual(["query.cursor"]);
    expect(await paths(`q=${"x".repeat(101)}`)).toEqual(["query.q"]);
    expect(await paths("sort=email&orgId=someone-else")).toEqual(["query.orgId", "query.sort"]);
    expect(await paths("role=OWNER&role=ADMIN")).toEqual(["query.role"]);
  });

  it("answers 404 for another organization's slug and for one that does not exist", async () => {
    const mine = await organizationWith("OWNER");
    const theirs = await organizationWith("OWNER");
    for (const slug of [theirs.organization.slug, "no-such-organization"]) {
      const { status, json } = await listMembers(slug, mine.members[0]!.cookie);
      expect(status).toBe(404);
      expect(json!.error.code).toBe("NOT_FOUND");
    }
  });

  it("asks an anonymous caller to sign in", async () => {
    const { organization } = await organizationWith("OWNER");
    const { status } = await listMembers(organization.slug, "");
    expect(status).toBe(401);
  });
});
