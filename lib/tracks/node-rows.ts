/**
 * Turns a parsed roadmap into TrackNode rows ready for one insert (insert-nodes.ts): ids, parent
 * ids and stable keys are made here rather than by the database, so the whole tree
 * goes in one statement (no per-row round trips to learn a parent's id).
 */
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { flattenOutline } from "@/lib/outline";
import type { OutlineDocument } from "@/lib/outline";
import { dueColumns } from "./read-version";

/** 16 random bytes: collision-free in practice, opaque, and the same length everywhere. */
export function newNodeId(): string {
  return `n${randomBytes(16).toString("base64url")}`;
}

/** A node's identity across versions. Random so it carries no meaning that an edit could invalidate. */
export function newStableKey(): string {
  return randomBytes(12).toString("base64url");
}

export function nodeRows(document: Pick<OutlineDocument, "sections" | "items">, scope: { organizationId: string; versionId: string }): Prisma.TrackNodeCreateManyInput[] {
  const flat = flattenOutline(document);
  const ids = flat.map(() => newNodeId());
  // flattenOutline is pre-order, so the row index is the ordinal.
  return flat.map((row, ordinal) => ({
    id: ids[ordinal]!,
    organizationId: scope.organizationId,
    versionId: scope.versionId,
    parentId: row.parentIndex === null ? null : ids[row.parentIndex]!,
    position: row.position,
    depth: row.depth,
    ordinal,
    kind: row.kind === "section" ? "SECTION" : "ITEM",
    title: row.title,
    description: row.description,
    optional: row.optional,
    resources: row.resources.map((resource) => ({ ...resource })),
    ...dueColumns(row.due),
    stableKey: newStableKey(),
  }));
}
