/** One queued edit as its request, with the editor's keys translated to the server's. */
import type { AddNodesInput } from "@/lib/tracks/edit-schema";
import { addNodes, deleteNode, fetchVersion, moveNode, renameTrack, updateNode } from "./editor-api";
import type { EditorTarget } from "./editor-api";
import type { KeyAliases } from "./key-aliases";
import type { EditOp, EditResultJson } from "./types";

export type SendResult = { kind: "nodes"; result: EditResultJson } | { kind: "track"; title: string; etag: string };

/** An edit about a node whose own add never reached the server. */
export class UnsentDependencyError extends Error {
  override name = "UnsentDependencyError";
  constructor() {
    super("This change is about a node that was not saved, so it was not sent.");
  }
}

function serverKey(aliases: KeyAliases, key: string): string {
  const known = aliases.toServer(key);
  if (known === null) throw new UnsentDependencyError();
  return known;
}

const serverParent = (aliases: KeyAliases, key: string | null) => (key === null ? null : serverKey(aliases, key));

export function addBody(op: Extract<EditOp, { type: "add" }>, aliases: KeyAliases): AddNodesInput {
  const indexOf = new Map(op.nodes.map((node, index) => [node.key, index]));
  return {
    parentKey: serverParent(aliases, op.destination.parentKey),
    position: op.destination.position,
    nodes: op.nodes.map((node, index) => ({
      kind: node.kind,
      title: node.title,
      description: node.description,
      optional: node.optional,
      evidenceRequired: node.evidenceRequired,
      verificationRequired: node.verificationRequired,
      estimatedMinutes: node.estimatedMinutes,
      due: node.due,
      resources: node.resources,
      // A restored node comes back under its old key, so progress recorded against it still points at it.
      ...(op.restore ? { stableKey: serverKey(aliases, node.key) } : {}),
      ...(index > 0 ? { parentIndex: indexOf.get(node.parentKey ?? "")! } : {}),
    })),
  };
}

export async function sendOp(target: EditorTarget, etag: string, op: EditOp, aliases: KeyAliases): Promise<SendResult> {
  switch (op.type) {
    case "add":
      return { kind: "nodes", result: await addNodes(target, etag, addBody(op, aliases)) };
    case "update":
      return { kind: "nodes", result: await updateNode(target, etag, serverKey(aliases, op.key), op.changes) };
    case "move":
      return { kind: "nodes", result: await moveNode(target, etag, serverKey(aliases, op.key), { parentKey: serverParent(aliases, op.destination.parentKey), position: op.destination.position }) };
    case "remove":
      return { kind: "nodes", result: await deleteNode(target, etag, serverKey(aliases, op.key)) };
    case "renameTrack": {
      const { title } = await renameTrack(target, op.title);
      // The draft's ETag covers the track's title too: the next edit needs the new one.
      const { etag: renamed } = await fetchVersion(target);
      return { kind: "track", title, etag: renamed };
    }
  }
}
