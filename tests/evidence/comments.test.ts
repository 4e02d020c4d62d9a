import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/comments/route";
import { DELETE as deleteRoute, PATCH as editRoute } from "@/app/api/v1/o/[orgSlug]/comments/[commentId]/route";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { callRoute } from "../support/call-route";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { assignedOrg } from "./evidence-fixture";

let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const itemPath = (slug: string, assignmentId: string, key: string) => ({ path: `/api/v1/o/${slug}/assignments/${assignmentId}/items/${key}/comments`, params: { orgSlug: slug, assignmentId, key } });
const list = (slug: string, cookie: string, assignmentId: string, key: string) => callRoute(listRoute, { ...itemPath(slug, assignmentId, key), cookie });
const create = (slug: string, cookie: string, assignmentId: string, key: string, body: unknown) => callRoute(createRoute, { ...itemPath(slug, assignmentId, key), cookie, body });
const edit = (slug: string, cookie: string, commentId: string, body: unknown) => callRoute(editRoute, { path: `/api/v1/o/${slug}/comments/${commentId}`, params: { orgSlug: slug, commentId }, cookie, body });
const remove = (slug: string, cookie: string, commentId: string) => callRoute(deleteRoute, { path: `/api/v1/o/${slug}/comments/${commentId}`, params: { orgSlug: slug, commentId }, cookie });

describe("an item's thread", () => {
  it("is a conversation between the hire and their mentors, in order, rendered safely, and the others are notified", async () => {
    const org = await assignedOrg();
    const loops = org.key("Loops");
    const question = await create(org.slug, org.hire.cookie, org.assignmentId, loops, { body: "Is a `while` loop **enough**? <img src=x onerror=alert(1)>" });
    expect(question.status).toBe(201);
    expect(question.json!.bodyHtml).toContain("<strong>enough</strong>");
    expect(question.json!.bodyHtml).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(question.json).toMatchObject({ deleted: false, canDelete: true, editableUntil: expect.any(String) });
    const answer = await create(org.slug, org.mentor.cookie, org.assignmentId, loops, { body: "Show me a `for` too." });
    expect(answer.status).toBe(201);

    // Newest first (a page at a time: comment-pages.test.ts).
    const thread = await list(org.slug, org.hire.cookie, org.assignmentId, loops);
    expect(thread.json!.items.map((comment: { body: string }) => comment.body)).toEqual(["Show me a `for` too.", "Is a `while` loop **enough**? <img src=x onerror=alert(1)>"]);
    expect(thread.json!.nextCursor).toBeNull();
    // The hire may change their own, not the mentor's.
    expect(thread.json!.items.map((comment: { canDelete: boolean }) => comment.canDelete)).toEqual([false, true]);
    const told = await getDb().notification.findMany({ where: { organizationId: org.organization.id, type: "comment.created" }, select: { userId: true, actorId: true } });
    expect(told).toEqual(expect.arrayContaining([{ userId: org.mentor.userId, actorId: org.hire.userId }, { userId: org.hire.userId, actorId: org.mentor.userId }]));
    expect(told).toHaveLength(2);
    expect(await getDb().event.count({ where: { organizationId: org.organization.id, type: "comment.created" } })).toBe(2);

    expect((await create(org.slug, org.hire.cookie, org.assignmentId, loops, { body: "   " })).status).toBe(422);
    expect((await create(org.slug, org.hire.cookie, org.assignmentId, "nosuchkey1", { body: "x" })).status).toBe(404);
  });

  it("lets only the author edit (within 15 minutes) and delete, and hides it from everyone else", async () => {
    const org = await assignedOrg();
    const loops = org.key("Loops");
    const comment = await create(org.slug, org.hire.cookie, org.assignmentId, loops, { body: "first" });
    const id = comment.json!.id as string;
    expect((await edit(org.slug, org.mentor.cookie, id, { body: "not yours" })).status).toBe(403);
    expect((await remove(org.slug, org.admin.cookie, id)).status).toBe(403);
    const edited = await edit(org.slug, org.hire.cookie, id, { body: "first, edited" });
    expect(edited.json).toMatchObject({ body: "first, edited", editedAt: expect.any(String) });

    await getDb().itemComment.update({ where: { id }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    const late = await edit(org.slug, org.hire.cookie, id, { body: "too late" });
    expect(late.status).toBe(409);
    expect((await getDb().itemComment.findUniqueOrThrow({ where: { id } })).body).toBe("first, edited");

    const deleted = await remove(org.slug, org.hire.cookie, id);
    expect(deleted.json).toMatchObject({ deleted: true, body: null, bodyHtml: null, canDelete: false });
    expect((await list(org.slug, org.mentor.cookie, org.assignmentId, loops)).json!.items).toMatchObject([{ id, deleted: true, body: null }]);
    expect((await remove(org.slug, org.hire.cookie, id)).status).toBe(404);

    // Someone who does not see the assignment, and another organization: 404, nothing written.
    expect((await list(org.slug, org.otherHire.cookie, org.assignmentId, loops)).status).toBe(404);
    expect((await create(org.slug, org.otherHire.cookie, org.assignmentId, loops, { body: "hi" })).status).toBe(404);
    const outsider = await assignedOrg();
    expect((await create(outsider.slug, outsider.owner.cookie, org.assignmentId, loops, { body: "hi" })).status).toBe(404);
    const theirs = await create(outsider.slug, outsider.hire.cookie, outsider.assignmentId, outsider.key("Loops"), { body: "theirs" });
    expect((await edit(org.slug, org.hire.cookie, theirs.json!.id, { body: "mine now" })).status).toBe(404);
    expect(await getDb().itemComment.count({ where: { organizationId: org.organization.id } })).toBe(1);
  });
});
