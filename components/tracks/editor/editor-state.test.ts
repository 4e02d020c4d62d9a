import { describe, expect, it } from "vitest";
import { confirmEdit, dataFromTree, stateOf } from "./editor-state";
import { KeyAliases } from "./key-aliases";
import { addBody } from "./send-op";
import { node, sampleTree, shapeOf } from "./test-nodes";
import type { EditVariables, EditorData, TrackNodeJson } from "./types";

const data = (): EditorData => ({
  track: { id: "t", title: "Track" },
  version: { id: "v", number: 1, status: "DRAFT", updatedAt: "2026-01-01T00:00:00.000Z" },
  etag: '"one"',
  nodes: sampleTree(),
  generation: 0,
  applied: [],
});

const edit = (id: number, op: EditVariables["op"], generation = 0): EditVariables => ({ id, generation, op, label: `edit ${id}`, isUndo: false });

const json = (stableKey: string, parentId: string | null, extra: Partial<TrackNodeJson> = {}): TrackNodeJson => ({
  id: `id-${stableKey}`,
  parentId,
  stableKey,
  ordinal: 0,
  position: 0,
  depth: parentId ? 1 : 0,
  kind: parentId ? "ITEM" : "SECTION",
  title: stableKey,
  description: null,
  optional: false,
  evidenceRequired: false,
  verificationRequired: false,
  estimatedMinutes: null,
  due: null,
  resources: [],
  ...extra,
});

describe("stateOf", () => {
  it("shows the confirmed tree with the queued edits applied in order", () => {
    const state = stateOf(data(), [edit(1, { type: "move", key: "c", destination: { parentKey: "S1", position: 0 } }), edit(2, { type: "update", key: "c", changes: { title: "Cee" } })]);
    expect(shapeOf(state.nodes).slice(0, 4)).toEqual(["S1@-/0", "c@S1/0", "a@S1/1", "b@a/0"]);
    expect(state.nodes[1]!.title).toBe("Cee");
  });

  it("skips edits of an older generation (dropped after a refusal), already confirmed ones, and ones that no longer apply", () => {
    const confirmed = { ...data(), generation: 1, applied: [2] };
    const state = stateOf(confirmed, [
      edit(1, { type: "remove", key: "a" }, 0),
      edit(2, { type: "renameTrack", title: "twice?" }, 1),
      edit(3, { type: "update", key: "gone", changes: { title: "x" } }, 1),
      edit(4, { type: "renameTrack", title: "New" }, 1),
    ]);
    expect(state.nodes).toBe(confirmed.nodes);
    expect(state.title).toBe("New");
  });
});

describe("confirmEdit", () => {
  it("applies the edit with the content the server stored and takes the new ETag", () => {
    const sent = { kind: "nodes" as const, result: { version: { id: "v", number: 1, status: "DRAFT" as const, updatedAt: "2026-01-02T00:00:00.000Z", etag: '"two"' }, nodes: [json("c", "id-S1", { title: "Trimmed", description: "stored" })] } };
    const next = confirmEdit(data(), edit(5, { type: "update", key: "c", changes: { title: " Trimmed " } }), sent, new KeyAliases());
    expect(next.etag).toBe('"two"');
    expect(next.applied).toEqual([5]);
    expect(next.nodes.find((entry) => entry.key === "c")).toMatchObject({ title: "Trimmed", description: "stored" });
  });

  it("takes the track's new title and the draft's new ETag after a rename (the tag covers the title)", () => {
    const next = confirmEdit(data(), edit(7, { type: "renameTrack", title: "Renamed" }), { kind: "track", title: "Renamed", etag: '"renamed"' }, new KeyAliases());
    expect(next.track.title).toBe("Renamed");
    expect(next.etag).toBe('"renamed"');
    expect(next.nodes).toEqual(data().nodes);
  });

  it("keeps naming an added node by its temporary key once the server gave it its own", () => {
    const aliases = new KeyAliases();
    const key = aliases.newKey();
    expect(KeyAliases.isTemporary(key)).toBe(true);
    expect(aliases.toServer(key)).toBeNull();
    aliases.learn(key, "Server_Key_1");
    const sent = { kind: "nodes" as const, result: { version: { id: "v", number: 1, status: "DRAFT" as const, updatedAt: "x", etag: '"3"' }, nodes: [json("Server_Key_1", "id-S2", { title: "Stored" })] } };
    const next = confirmEdit(data(), edit(6, { type: "add", destination: { parentKey: "S2", position: 1 }, nodes: [node(key, "S2", "ITEM", { title: "Typed" })], restore: false }), sent, aliases);
    expect(next.nodes.at(-1)).toMatchObject({ key, title: "Stored", parentKey: "S2" });
    expect(aliases.toServer(key)).toBe("Server_Key_1");
    // Read back from the server, the node keeps the editor's key.
    const tree = { track: { id: "t", title: "T" }, version: data().version, nodes: [json("S2", null), json("Server_Key_1", "id-S2")] };
    expect(dataFromTree(tree, '"4"', aliases, next).nodes.map((entry) => [entry.key, entry.parentKey])).toEqual([
      ["S2", null],
      [key, "S2"],
    ]);
  });
});

describe("addBody", () => {
  it("sends a restored subtree with its server keys and each child's parent by index", () => {
    const aliases = new KeyAliases();
    const key = aliases.newKey();
    aliases.learn(key, "Real_Key_22");
    const body = addBody({ type: "add", destination: { parentKey: "S1", position: 0 }, nodes: [node("a", "S1"), node(key, "a"), node("b", key)], restore: true }, aliases);
    expect(body.parentKey).toBe("S1");
    expect(body.nodes.map((entry) => [entry.stableKey, entry.parentIndex])).toEqual([
      ["a", undefined],
      ["Real_Key_22", 0],
      ["b", 1],
    ]);
  });

  it("sends a new node without a key", () => {
    const body = addBody({ type: "add", destination: { parentKey: "S1", position: 0 }, nodes: [node("new:1", "S1")], restore: false }, new KeyAliases());
    expect(body.nodes[0]).not.toHaveProperty("stableKey");
  });
});
