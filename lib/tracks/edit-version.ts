/**
 * The editor's writes to a draft: add, change, move and delete nodes. Each runs in
 * one transaction on the locked version row (lock-draft.ts): the tree operation is
 * computed by the same pure functions the editor uses (tree-edit.ts), written
 * with a fixed number of statements (apply-layout.ts), the version is touched (a
 * new ETag) and track.draft_edited is recorded.
 */
import { getDb } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { AppError, invalidInput, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isOptionalTitle } from "@/lib/outline";
import { applyLayout, readSkeleton } from "./apply-layout";
import type { SkeletonNode } from "./apply-layout";
import type { AddNodesInput, EditResult, MoveNodeInput, UpdateNodeInput } from "./edit-schema";
import { lockDraft, touchVersion } from "./lock-draft";
import { newNodeId, newStableKey } from "./node-rows";
import { dueColumns, nodeSelect, toNodeOut, versionEtag } from "./read-version";
import type { TrackNodeOut } from "./schema";
import { versionSummarySelect } from "./track-summary";
import { TreeEditError, insertSubtree, moveSubtree, removeSubtree, subtreeOf } from "./tree-edit";
import { versionCounts } from "./version-counts";

export interface EditTarget {
  trackId: string;
  number: number;
  /** The request's If-Match header, if any. */
  ifMatch: string | null;
}

/** The edit's version and precondition, from a request to one of the editor's routes. */
export function editTarget(request: Request, params: { trackId: string; number: number }): EditTarget {
  return { trackId: params.trackId, number: params.number, ifMatch: request.headers.get("if-match") };
}

type Scope = { organizationId: string; versionId: string };

type Operation = "add" | "update" | "move" | "delete";

async function editDraft(
  ctx: OrgContext,
  target: EditTarget,
  operation: Operation,
  run: (tx: DbClient, scope: Scope) => Promise<{ key: string; nodes: TrackNodeOut[] }>,
): Promise<EditResult> {
  const organizationId = ctx.organization.id;
  const result = await getDb().$transaction(async (tx) => {
    const draft = await lockDraft(tx, ctx, target.trackId, target.number, target.ifMatch);
    const scope = { organizationId, versionId: draft.id };
    const { key, nodes } = await runTreeEdit(() => run(tx, scope));
    const updatedAt = await touchVersion(tx, draft.id);
    await recordEvent(tx, {
      organizationId,
      type: "track.draft_edited",
      actorId: ctx.user.id,
      subjectType: "track",
      subjectId: target.trackId,
      payload: { trackId: target.trackId, number: draft.number, operation, key, nodes: nodes.length },
    });
    const version = await tx.trackVersion.findUniqueOrThrow({ where: { id: draft.id }, select: versionSummarySelect });
    const counts = (await versionCounts(tx, organizationId, [draft.id])).get(draft.id)!;
    return { version: { ...version, counts, updatedAt, etag: versionEtag({ id: draft.id, updatedAt, trackUpdatedAt: draft.trackUpdatedAt }) }, nodes };
  });
  ctx.log.info({ trackId: target.trackId, number: target.number, operation }, "track draft edited");
  return result;
}

/** A refused tree operation as the API says it: a missing node is 404, a key already there 409, a shape the format cannot hold 422. */
async function runTreeEdit<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof TreeEditError)) throw error;
    if (error.code === "UNKNOWN_NODE") throw notFound("node");
    if (error.code === "DUPLICATE_KEY") throw new AppError("CONFLICT", error.message);
    const path = error.code === "UNKNOWN_PARENT" ? "body.parentKey" : error.code === "BAD_POSITION" ? "body.position" : "body";
    throw invalidInput(path, error.message, { reason: error.code });
  }
}

async function readNodes(tx: DbClient, scope: Scope, keys: string[]): Promise<TrackNodeOut[]> {
  const rows = await tx.trackNode.findMany({ where: { ...scope, stableKey: { in: keys } }, orderBy: { ordinal: "asc" }, select: nodeSelect });
  return rows.map(toNodeOut);
}

export function addNodes(ctx: OrgContext, target: EditTarget, input: AddNodesInput): Promise<EditResult> {
  return editDraft(ctx, target, "add", async (tx, scope) => {
    const before = await readSkeleton(tx, scope);
    const keys = input.nodes.map((node) => node.stableKey ?? newStableKey());
    const subtree: SkeletonNode[] = input.nodes.map((node, index) => ({
      id: newNodeId(),
      key: keys[index]!,
      parentKey: index === 0 ? input.parentKey : keys[node.parentIndex!]!,
      kind: node.kind,
    }));
    const after = insertSubtree(before, { parentKey: input.parentKey, position: input.position }, subtree);
    const rows = new Map<string, Prisma.TrackNodeCreateManyInput>(
      input.nodes.map((node, index) => [
        keys[index]!,
        {
          ...scope,
          id: subtree[index]!.id,
          stableKey: keys[index]!,
          kind: node.kind,
          title: node.title,
          description: node.description ?? null,
          // As on import: a title that says "(optional)" is optional unless told otherwise.
          optional: node.optional ?? isOptionalTitle(node.title),
          evidenceRequired: node.evidenceRequired ?? false,
          verificationRequired: node.verificationRequired ?? false,
          estimatedMinutes: node.estimatedMinutes ?? null,
          ...dueColumns(node.due ?? null),
          resources: node.resources ?? [],
          // Laid out by applyLayout.
          position: 0,
          depth: 0,
          ordinal: 0,
        },
      ]),
    );
    await applyLayout(tx, scope, before, after, rows);
    return { key: keys[0]!, nodes: await readNodes(tx, scope, keys) };
  });
}

export function updateNode(ctx: OrgContext, target: EditTarget, key: string, input: UpdateNodeInput): Promise<EditResult> {
  return editDraft(ctx, target, "update", async (tx, scope) => {
    const { resources, due, ...fields } = input;
    const data: Prisma.TrackNodeUpdateManyMutationInput = { ...fields, ...(resources !== undefined && { resources }), ...(due !== undefined && dueColumns(due)) };
    const { count } = await tx.trackNode.updateMany({ where: { ...scope, stableKey: key }, data });
    if (count === 0) throw notFound("node");
    return { key, nodes: await readNodes(tx, scope, [key]) };
  });
}

export function moveNode(ctx: OrgContext, target: EditTarget, key: string, input: MoveNodeInput): Promise<EditResult> {
  return editDraft(ctx, target, "move", async (tx, scope) => {
    const before = await readSkeleton(tx, scope);
    const after = moveSubtree(before, key, input);
    await applyLayout(tx, scope, before, after, new Map());
    return { key, nodes: await readNodes(tx, scope, subtreeOf(after, key).map((node) => node.key)) };
  });
}

export function deleteNode(ctx: OrgContext, target: EditTarget, key: string): Promise<EditResult> {
  return editDraft(ctx, target, "delete", async (tx, scope) => {
    const before = await readSkeleton(tx, scope);
    const { nodes: after, removed } = removeSubtree(before, key);
    // Read in full before they go: the answer is what a client sends back to undo.
    const nodes = await readNodes(tx, scope, removed.map((node) => node.key));
    await applyLayout(tx, scope, before, after, new Map());
    return { key, nodes };
  });
}
