/**
 * Evidence notes and review comments are stored as sanitized HTML when written and
 * served from there (decision 0020): the item's attempts and the review queue render
 * nothing per read, and rows another renderer made (or from before) are rendered
 * again when read and saved.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { MARKDOWN_RENDERER, renderMarkdown } from "@/lib/markdown/render-markdown";
import { startTestJobQueue, stopTestJobQueue } from "../support/job-queue";
import { assignedOrg, listEvidence, reviewEvidence, reviewQueue, submitEvidence } from "./evidence-fixture";

let queue: JobQueue | undefined;
beforeAll(async () => {
  queue = await startTestJobQueue({ workers: false });
});
afterAll(() => stopTestJobQueue(queue));

const htmlColumns = (id: string) => getDb().evidenceAttempt.findUniqueOrThrow({ where: { id }, select: { noteHtml: true, reviewCommentHtml: true, htmlRenderer: true } });

describe("an attempt's HTML", () => {
  it("is stored with the note and with the review comment, and served from the store", async () => {
    const org = await assignedOrg();
    const loops = org.key("Loops");
    const note = "I wrote **tests**. <img src=x onerror=alert(1)>";
    const submitted = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, loops, { note });
    const id = submitted.json!.id as string;
    expect(await htmlColumns(id)).toEqual({ noteHtml: renderMarkdown(note), reviewCommentHtml: null, htmlRenderer: MARKDOWN_RENDERER });
    expect(submitted.json!.noteHtml).toBe(renderMarkdown(note));

    const comment = "Add a test for the _empty_ list.";
    const reviewed = await reviewEvidence(org.slug, org.mentor.cookie, id, { decision: "REQUEST_CHANGES", comment });
    expect(reviewed.status).toBe(200);
    expect(await htmlColumns(id)).toEqual({ noteHtml: renderMarkdown(note), reviewCommentHtml: renderMarkdown(comment), htmlRenderer: MARKDOWN_RENDERER });
    expect(reviewed.json!.attempt.review.commentHtml).toBe(renderMarkdown(comment));

    // Reads serve the stored copies, not a new rendering.
    await getDb().evidenceAttempt.update({ where: { id }, data: { noteHtml: "<p>stored note</p>", reviewCommentHtml: "<p>stored comment</p>" } });
    const listed = await listEvidence(org.slug, org.mentor.cookie, org.assignmentId, loops);
    expect(listed.json!.items[0]).toMatchObject({ noteHtml: "<p>stored note</p>", review: { commentHtml: "<p>stored comment</p>" } });

    const again = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, loops, { note: "Added it." });
    await getDb().evidenceAttempt.update({ where: { id: again.json!.id }, data: { noteHtml: "<p>stored in the queue</p>" } });
    const waiting = await reviewQueue(org.slug, org.mentor.cookie);
    expect(waiting.json!.items.map((entry: { attempt: { noteHtml: string } }) => entry.attempt.noteHtml)).toEqual(["<p>stored in the queue</p>"]);
  });

  it("is rendered again when read if another renderer made it, or none did, and saved: in the item's list and in the queue", async () => {
    const org = await assignedOrg();
    const loops = org.key("Loops");
    const first = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, loops, { note: "first **note**" });
    await reviewEvidence(org.slug, org.mentor.cookie, first.json!.id, { decision: "REQUEST_CHANGES", comment: "more `tests`" });
    const second = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, loops, { note: "second **note**" });
    // As rows from before the columns existed, and as rows of an older renderer.
    await getDb().evidenceAttempt.update({ where: { id: first.json!.id }, data: { noteHtml: null, reviewCommentHtml: null, htmlRenderer: null } });
    await getDb().evidenceAttempt.update({ where: { id: second.json!.id }, data: { noteHtml: "<p>stale</p>", htmlRenderer: "cairn-0;markdown-it@14.0.0;sanitize-html@2.0.0" } });

    const listed = await listEvidence(org.slug, org.hire.cookie, org.assignmentId, loops);
    expect(listed.json!.items.map((attempt: { noteHtml: string }) => attempt.noteHtml)).toEqual(["<p>second <strong>note</strong></p>", "<p>first <strong>note</strong></p>"]);
    expect(listed.json!.items[1].review.commentHtml).toBe("<p>more <code>tests</code></p>");
    expect(await htmlColumns(first.json!.id)).toEqual({ noteHtml: "<p>first <strong>note</strong></p>", reviewCommentHtml: "<p>more <code>tests</code></p>", htmlRenderer: MARKDOWN_RENDERER });
    expect(await htmlColumns(second.json!.id)).toEqual({ noteHtml: "<p>second <strong>note</strong></p>", reviewCommentHtml: null, htmlRenderer: MARKDOWN_RENDERER });

    await getDb().evidenceAttempt.update({ where: { id: second.json!.id }, data: { noteHtml: null, htmlRenderer: null } });
    const waiting = await reviewQueue(org.slug, org.mentor.cookie);
    expect(waiting.json!.items[0].attempt.noteHtml).toBe("<p>second <strong>note</strong></p>");
    expect((await htmlColumns(second.json!.id)).htmlRenderer).toBe(MARKDOWN_RENDERER);
  });

  it("re-renders an old row's note when it is reviewed, so the row holds one renderer's HTML", async () => {
    const org = await assignedOrg();
    const submitted = await submitEvidence(org.slug, org.hire.cookie, org.assignmentId, org.key("Loops"), { note: "old **note**" });
    await getDb().evidenceAttempt.update({ where: { id: submitted.json!.id }, data: { noteHtml: "<p>stale</p>", htmlRenderer: "cairn-0" } });
    await reviewEvidence(org.slug, org.mentor.cookie, submitted.json!.id, { decision: "APPROVE" });
    expect(await htmlColumns(submitted.json!.id)).toEqual({ noteHtml: "<p>old <strong>note</strong></p>", reviewCommentHtml: null, htmlRenderer: MARKDOWN_RENDERER });
  });
});
