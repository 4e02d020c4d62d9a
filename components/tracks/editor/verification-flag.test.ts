import { describe, expect, it } from "vitest";
import { editorNodesOf } from "./editor-nodes";
import { checkForm, formValuesOf } from "./node-form";
import { node } from "./test-nodes";

describe("the 'verified on GitHub' flag in the editor (decision 0034)", () => {
  it("is read from the server, sent only when changed, and kept by the editor's nodes", () => {
    const item = node("k", "S", "ITEM", { title: "Loops" });
    expect(formValuesOf(item).verificationRequired).toBe(false);
    expect(checkForm(item, { ...formValuesOf(item), verificationRequired: true })).toEqual({ ok: true, changes: { verificationRequired: true } });
    const flagged = { ...item, verificationRequired: true };
    expect(checkForm(flagged, formValuesOf(flagged))).toEqual({ ok: true, changes: null });
    const [placed] = editorNodesOf([
      {
        id: "n1",
        parentId: null,
        stableKey: "key-1",
        ordinal: 0,
        position: 0,
        depth: 0,
        kind: "ITEM",
        title: "Loops",
        description: null,
        optional: false,
        evidenceRequired: true,
        verificationRequired: true,
        estimatedMinutes: null,
        due: null,
        resources: [],
      },
    ]);
    expect(placed).toMatchObject({ evidenceRequired: true, verificationRequired: true });
  });
});
