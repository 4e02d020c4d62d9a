/**
 * An item's thread read a page at a time (newest first, cursor over (createdAt, id),
 * a bounded limit), writing in it limited per person, and its comments' HTML stored
 * when written and served from there (decision 0020).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/comments/route";
import { DELETE as deleteRoute, PATCH as editRoute } from "@/app/api/v1/o/[orgSlug]/comments/[commentId]/route";
import { getDb } from "@/lib/db/client";
import { encodeCreatedAtCursor } from "@/lib/http/cursor";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { MARKDOWN_RENDERER, renderMarkdown } from "@/lib/markdown/render-markdown";
import { COMMENT_WRITE_RATE_LIMITS } from "@/lib/security/limits";
import { callRoute } from "../support/call-route";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { assignedOrg } from "./evidence-fixture";

let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

type Org = Awaited<ReturnType<typeof assignedOrg>>;
interface Comment {
  id: string;
  body: string | null;
  bodyHtml: string | null;
}

const threadPath = (slug: string, assignmentId: string, key: string, query = "") => ({
  path: `/api/v1/o/${slug}/assignments/${assignmentId}/items/${key}/comments${query ? `?${query}` : ""}`,
  params: { orgSlug: slug, assignmentId, key },
});
const list = (slug: string, cookie: string, assignmentId: string, key: string, query = "") => callRoute(listRoute, { ...threadPath(slug, assignmentId, key, query), cookie });
const create = (slug: string, cookie: string, assignmentId: string, key: string, body: string) => callRoute(createRoute, { ...threadPath(slug, assignmentId, key), cookie, body: { body } });
const edit = (slug: string, cookie: string, commentId: string, body: string) =>
  callRoute(editRoute, { path: `/api/v1/o/${slug}/comments/${commentId}`, params: { orgSlug: slug, commentId }, cookie, body: { body } });
const remove = (slug: string, cookie: string, commentId: string) => callRoute(deleteRoute, { path: `/api/v1/o/${slug}/comments/${commentId}`, params: { orgSlug: slug, commentId }, cookie });

/** `count` comments on Loops, written directly (the API's rate limit is tested below), oldest first; the middle ones share one timestamp. */
async function thread(org: Org, count: number) {
  const base = Date.now() - 60 * 60_000;
  const rows = [];
  for (let index = 0; index < count; index++) {
    // Comments 2, 3 and 4 were written in the same millisecond: the id breaks the tie.
    const at = index >= 2 && index <= 4 ? base + 2_000 : base + index * 1_000;
    rows.push(
      await getDb().itemComment.create({
        data: { organizationId: org.organization.id, assignmentId: org.assignmentId, stableKey: org.key("Loops"), authorId: org.hire.userId, body: `comment ${index}`, createdAt: new Date(at) },
      }),
    );
  }
  // The thread's order: newest first, by time then id.
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((row) => row.id);
}

async function allPages(org: Org, limit: number) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`;
    const page = await list(org.slug, org.mentor.cookie, org.assignmentId, org.key("Loops"), query);
    expect(page.status).toBe(200);
    pages.push(page.json!.items.map((comment: Comment) => comment.id));
    cursor = page.json!.nextCursor;
  } while (cursor !== null && pages.length < 20);
  return pages;
}

describe("an item's thread, a page at a time", () => {
  it("pages newest first by (time, id): every comment once, in order, the last page without a cursor", async () => {
    const org = await assignedOrg();
    const expected = await thread(org, 7);
    const pages = await allPages(org, 3);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(expected);
    // Exactly a page's worth: no empty page after it.
    expect((await allPages(org, 7)).map((page) => page.length)).toEqual([7]);
  });

  it("continues where the page ended when comments are written or deleted in between", async () => {
    const org = await assignedOrg();
    const expected = await thread(org, 6);
    const loops = org.key("Loops");
    const first = await list(org.slug, org.mentor.cookie, org.assignmentId, loops, "limit=2");
    expect(first.json!.items.map((comment: Comment) => comment.id)).toEqual(expected.slice(0, 2));
    // A new comment arrives and one on the next page is deleted: the next page still starts right after the last one seen.
    expect((await create(org.slug, org.hire.cookie, org.assignmentId, loops, "newer")).status).toBe(201);
    expect((await remove(org.slug, org.hire.cookie, expected[2]!)).status).toBe(200);
    const second = await list(org.slug, org.mentor.cookie, org.assignmentId, loops, `limit=2&cursor=${first.json!.nextCursor}`);
    expect(second.json!.items.map((comment: Comment) => comment.id)).toEqual(expected.slice(2, 4));
    // The deleted one keeps its place, without its text.
    expect(second.json!.items[0]).toMatchObject({ deleted: true, body: null, bodyHtml: null });
  });

  it("defaults to 30, allows at most 100, and answers 422 naming a bad limit or cursor", async () => {
    const org = await assignedOrg();
    await thread(org, 31);
    const loops = org.key("Loops");
    const page = await list(org.slug, org.mentor.cookie, org.assignmentId, loops);
    expect(page.json!.items).toHaveLength(30);
    expect(page.json!.nextCursor).toEqual(expect.any(String));
    expect((await list(org.slug, org.mentor.cookie, org.assignmentId, loops, "limit=100")).json!.items).toHaveLength(31);
    for (const [query, path] of [
      ["limit=101", "query.limit"],
      ["limit=0", "query.limit"],
      ["limit=ten", "query.limit"],
      ["cursor=bm90LWEtY3Vyc29y", "query.cursor"],
      [`cursor=${"x".repeat(1001)}`, "query.cursor"],
      ["before=x", "query.before"],
    ] as const) {
      const refused = await list(org.slug, org.mentor.cookie, org.assignmentId, loops, query);
      expect(refused.status, query).toBe(422);
      expect(refused.json!.error.details.issues.map((issue: { path: string }) => issue.path)).toEqual([path]);
    }
  });

  it("stays 404 for anyone who does not see the assignment, cursor or not, and a cursor never reaches past the caller's thread", async () => {
    const org = await assignedOrg();
    await thread(org, 3);
    const loops = org.key("Loops");
    const cursor = (await list(org.slug, org.mentor.cookie, org.assignmentId, loops, "limit=1")).json!.nextCursor as string;
    const outsider = await assignedOrg();
    expect((await list(org.slug, org.otherHire.cookie, org.assignmentId, loops, `cursor=${cursor}`)).status).toBe(404);
    expect((await list(outsider.slug, outsider.owner.cookie, org.assignmentId, loops, `cursor=${cursor}`)).status).toBe(404);
    expect((await list(org.slug, outsider.owner.cookie, org.assignmentId, loops)).status).toBe(404);
    // Their own thread with our cursor, or one forged to start after everything: only their rows (none).
    for (const foreign of [cursor, encodeCreatedAtCursor({ createdAt: new Date("2999-01-01"), id: "z" })]) {
      const theirs = await list(outsider.slug, outsider.hire.cookie, outsider.assignmentId, outsider.key("Loops"), `cursor=${foreign}`);
      expect(theirs.status).toBe(200);
      expect(theirs.json!.items).toEqual([]);
    }
  });
});

describe("writing in threads is limited per person", () => {
  it("answers the 31st comment within a minute with 429 and Retry-After, writes nothing for it, and counts edits too", async () => {
    const perMinute = COMMENT_WRITE_RATE_LIMITS[0]!;
    expect(perMinute).toMatchObject({ points: 30, durationSeconds: 60 });
    const org = await assignedOrg();
    const loops = org.key("Loops");
    let last: Comment | undefined;
    for (let index = 0; index < perMinute.points; index++) {
      const sent = await create(org.slug, org.hire.cookie, org.assignmentId, loops, `message ${index}`);
      expect(sent.status).toBe(201);
      last = sent.json as Comment;
    }
    const refused = await create(org.slug, org.hire.cookie, org.assignmentId, loops, "one too many");
    expect(refused.status).toBe(429);
    expect(refused.json!.error).toMatchObject({ code: "RATE_LIMITED", details: { retryAfterSeconds: expect.any(Number) } });
    const retryAfter = Number(refused.response.headers.get("retry-after"));
    expect(retryAfter).toBe(refused.json!.error.details.retryAfterSeconds);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const edited = await edit(org.slug, org.hire.cookie, last!.id, "changed");
    expect(edited.status).toBe(429);
    expect(await getDb().itemComment.count({ where: { assignmentId: org.assignmentId } })).toBe(perMinute.points);
    expect((await getDb().itemComment.findUniqueOrThrow({ where: { id: last!.id } })).body).toBe(`message ${perMinute.points - 1}`);
    // Someone else in the same conversation is not held back by it.
    expect((await create(org.slug, org.mentor.cookie, org.assignmentId, loops, "my turn")).status).toBe(201);
  });
});

describe("a comment's HTML", () => {
  it("is stored when written and edited, served from the store, and emptied on delete", async () => {
    const org = await assignedOrg();
    const loops = org.key("Loops");
    const body = "Is **this** <script>alert(1)</script> enough?";
    const created = await create(org.slug, org.hire.cookie, org.assignmentId, loops, body);
    const id = created.json!.id as string;
    const stored = () => getDb().itemComment.findUniqueOrThrow({ where: { id }, select: { bodyHtml: true, htmlRenderer: true } });
    expect(await stored()).toEqual({ bodyHtml: renderMarkdown(body), htmlRenderer: MARKDOWN_RENDERER });
    expect(created.json!.bodyHtml).toBe(renderMarkdown(body));
    expect(created.json!.bodyHtml).toContain("&lt;script&gt;");

    // What a read serves is the stored copy: it is not rendered again.
    await getDb().itemComment.update({ where: { id }, data: { bodyHtml: "<p>served from the store</p>" } });
    expect((await list(org.slug, org.mentor.cookie, org.assignmentId, loops)).json!.items[0].bodyHtml).toBe("<p>served from the store</p>");

    const edited = await edit(org.slug, org.hire.cookie, id, "Now _better_");
    expect(edited.json!.bodyHtml).toBe("<p>Now <em>better</em></p>");
    expect(await stored()).toEqual({ bodyHtml: "<p>Now <em>better</em></p>", htmlRenderer: MARKDOWN_RENDERER });

    await remove(org.slug, org.hire.cookie, id);
    expect((await stored()).bodyHtml).toBeNull();
  });

  it("is rendered again when read if another renderer made it, or none did (rows from before), and saved for the next read", async () => {
    const org = await assignedOrg();
    const loops = org.key("Loops");
    const rows = await Promise.all(
      [null, "cairn-0;markdown-it@14.0.0;sanitize-html@2.0.0"].map((renderer) =>
        getDb().itemComment.create({
          data: { organizationId: org.organization.id, assignmentId: org.assignmentId, stableKey: loops, authorId: org.hire.userId, body: "**old** row", bodyHtml: renderer ? "<p>stale</p>" : null, htmlRenderer: renderer },
        }),
      ),
    );
    const page = await list(org.slug, org.mentor.cookie, org.assignmentId, loops);
    expect(page.json!.items.map((comment: Comment) => comment.bodyHtml)).toEqual(["<p><strong>old</strong> row</p>", "<p><strong>old</strong> row</p>"]);
    for (const row of rows) {
      expect(await getDb().itemComment.findUniqueOrThrow({ where: { id: row.id }, select: { bodyHtml: true, htmlRenderer: true } })).toEqual({
        bodyHtml: "<p><strong>old</strong> row</p>",
        htmlRenderer: MARKDOWN_RENDERER,
      });
    }
  });
});
