/**
 * The conversation on one item: everyone who sees the assignment reads and
 * writes it (lib/assignments/access.ts); the others in it are notified. Only a
 * comment's author changes it: edits within COMMENT_EDIT_WINDOW_MS, and delete
 * (which keeps its place in the thread without its text). Read a page at a time,
 * newest first; each write stores the body's sanitized HTML beside it
 * (comment-html.ts), so a read renders nothing.
 */
import { getDb } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { prismaRunner } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, forbidden, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { findAssignmentForWrite } from "@/lib/assignments/access";
import { currentMentorIds } from "@/lib/assignments/mentoring";
import { progressTree } from "@/lib/progress/version-trees";
import { encodeCreatedAtCursor } from "@/lib/http/cursor";
import { servedHtml } from "@/lib/markdown/stored-html";
import { notify } from "@/lib/notifications/notify";
import { commentHtmlColumns, withCurrentCommentHtml } from "./comment-html";
import { COMMENT_EDIT_WINDOW_MS } from "./schema";
import type { CommentBodyInput, CommentOut, ListItemCommentsQuery } from "./schema";

const commentSelect = {
  id: true,
  assignmentId: true,
  body: true,
  bodyHtml: true,
  htmlRenderer: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.ItemCommentSelect;
type CommentRow = Prisma.ItemCommentGetPayload<{ select: typeof commentSelect }>;

export function toCommentOut(ctx: OrgContext, row: CommentRow, now = Date.now()): CommentOut {
  const mine = row.author.id === ctx.user.id && row.deletedAt === null;
  const editableUntil = new Date(row.createdAt.getTime() + COMMENT_EDIT_WINDOW_MS);
  return {
    id: row.id,
    author: row.author,
    body: row.body,
    bodyHtml: servedHtml(row.body, row.bodyHtml, row.htmlRenderer),
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deleted: row.deletedAt !== null,
    editableUntil: mine && editableUntil.getTime() > now ? editableUntil : null,
    canDelete: mine,
  };
}

/** The item must be in the assignment's version, or have a thread from before an upgrade. */
async function itemTitle(db: DbClient, ctx: OrgContext, assignment: { id: string; versionId: string }, key: string): Promise<string> {
  const node = (await progressTree(prismaRunner(db), ctx.organization.id, assignment.versionId)).find((candidate) => candidate.key === key);
  if (node) return node.title;
  if ((await db.itemComment.count({ where: { assignmentId: assignment.id, stableKey: key } })) > 0) return key;
  throw notFound("item");
}

/**
 * A page of the thread, newest first, ordered by (createdAt, id) so the order is total
 * and a cursor (the last row's position) continues exactly where the page ended, even
 * when comments arrive or are deleted in between.
 */
export async function listItemComments(ctx: OrgContext, assignmentId: string, key: string, query: ListItemCommentsQuery) {
  const db = getDb();
  const assignment = await findAssignmentForWrite(ctx, assignmentId, db);
  await itemTitle(db, ctx, assignment, key);
  const before = query.cursor;
  const rows = await db.itemComment.findMany({
    where: {
      organizationId: ctx.organization.id,
      assignmentId,
      stableKey: key,
      // The redundant bound lets the (assignmentId, stableKey, createdAt) index start at the cursor.
      ...(before ? { createdAt: { lte: before.createdAt }, OR: [{ createdAt: { lt: before.createdAt } }, { id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: commentSelect,
  });
  const page = await withCurrentCommentHtml(ctx, rows.slice(0, query.limit));
  const last = page.at(-1);
  const now = Date.now();
  return { items: page.map((row) => toCommentOut(ctx, row, now)), nextCursor: rows.length > query.limit && last ? encodeCreatedAtCursor(last) : null };
}

export async function createItemComment(ctx: OrgContext, assignmentId: string, key: string, input: CommentBodyInput): Promise<CommentOut> {
  const organizationId = ctx.organization.id;
  return getDb().$transaction(async (tx) => {
    const assignment = await findAssignmentForWrite(ctx, assignmentId, tx);
    if (assignment.status === "ARCHIVED") throw new AppError("CONFLICT", "This assignment is archived; its threads are read-only.");
    const title = await itemTitle(tx, ctx, assignment, key);
    const row = await tx.itemComment.create({
      data: { organizationId, assignmentId, stableKey: key, authorId: ctx.user.id, body: input.body, ...commentHtmlColumns(input.body) },
      select: commentSelect,
    });
    const mentors = await currentMentorIds(tx, assignmentId);
    await notify(tx, {
      organizationId,
      type: "comment.created",
      actorId: ctx.user.id,
      assignmentId,
      stableKey: key,
      payload: { itemTitle: title, commentId: row.id },
      recipients: [assignment.assigneeId, ...mentors],
    });
    await recordEvent(tx, { organizationId, type: "comment.created", actorId: ctx.user.id, subjectType: "assignment", subjectId: assignmentId, payload: { assignmentId, key, commentId: row.id } });
    return toCommentOut(ctx, row);
  });
}

/** The caller's own comment, on an assignment they still see; anyone else's is 403, another organization's 404. */
async function ownComment(tx: DbClient, ctx: OrgContext, commentId: string) {
  const row = await tx.itemComment.findFirst({ where: { id: commentId, organizationId: ctx.organization.id }, select: { ...commentSelect, stableKey: true } });
  if (!row) throw notFound("comment");
  await findAssignmentForWrite(ctx, row.assignmentId, tx);
  if (row.author.id !== ctx.user.id) throw forbidden("Only its author changes a comment.");
  if (row.deletedAt !== null) throw notFound("comment");
  return row;
}

export async function editComment(ctx: OrgContext, commentId: string, input: CommentBodyInput): Promise<CommentOut> {
  return getDb().$transaction(async (tx) => {
    const row = await ownComment(tx, ctx, commentId);
    if (Date.now() - row.createdAt.getTime() > COMMENT_EDIT_WINDOW_MS) {
      throw new AppError("CONFLICT", `A comment can be edited for ${COMMENT_EDIT_WINDOW_MS / 60_000} minutes after it is written; write a new one instead.`);
    }
    const updated = await tx.itemComment.update({ where: { id: commentId }, data: { body: input.body, ...commentHtmlColumns(input.body), editedAt: new Date() }, select: commentSelect });
    await recordEvent(tx, { organizationId: ctx.organization.id, type: "comment.edited", actorId: ctx.user.id, subjectType: "assignment", subjectId: row.assignmentId, payload: { assignmentId: row.assignmentId, key: row.stableKey, commentId } });
    return toCommentOut(ctx, updated);
  });
}

export async function deleteComment(ctx: OrgContext, commentId: string): Promise<CommentOut> {
  return getDb().$transaction(async (tx) => {
    const row = await ownComment(tx, ctx, commentId);
    const deleted = await tx.itemComment.update({ where: { id: commentId }, data: { body: null, ...commentHtmlColumns(null), deletedAt: new Date() }, select: commentSelect });
    await recordEvent(tx, { organizationId: ctx.organization.id, type: "comment.deleted", actorId: ctx.user.id, subjectType: "assignment", subjectId: row.assignmentId, payload: { assignmentId: row.assignmentId, key: row.stableKey, commentId } });
    return toCommentOut(ctx, deleted);
  });
}
