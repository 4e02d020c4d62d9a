import { describe, expect, it } from "vitest";
import { panelKeyFor } from "./panel-keys";
import type { PanelKeyEvent } from "./panel-keys";

const event = (key: string, where: Partial<PanelKeyEvent> = {}): PanelKeyEvent => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  defaultPrevented: false,
  inField: false,
  inPanel: false,
  inOtherDialog: false,
  ...where,
});

describe("the open item panel's keys", () => {
  it("j and k move from the tree or the panel, never while typing", () => {
    expect(panelKeyFor(event("j"))).toEqual({ kind: "move", move: "next" });
    expect(panelKeyFor(event("k", { inPanel: true }))).toEqual({ kind: "move", move: "previous" });
    expect(panelKeyFor(event("j", { inField: true, inPanel: true }))).toBeNull();
    expect(panelKeyFor(event("k", { inField: true }))).toBeNull();
    expect(panelKeyFor(event("j", { ctrlKey: true }))).toBeNull();
  });

  it("Escape closes from the tree or anywhere in the panel, its fields included, but not from the page's search box", () => {
    expect(panelKeyFor(event("Escape"))).toEqual({ kind: "close" });
    expect(panelKeyFor(event("Escape", { inPanel: true, inField: true }))).toEqual({ kind: "close" });
    expect(panelKeyFor(event("Escape", { inField: true }))).toBeNull();
  });

  it("leave keys another control handled, and keys meant for another dialog, alone", () => {
    expect(panelKeyFor(event("Escape", { inPanel: true, defaultPrevented: true }))).toBeNull();
    expect(panelKeyFor(event("j", { defaultPrevented: true }))).toBeNull();
    expect(panelKeyFor(event("Escape", { inOtherDialog: true }))).toBeNull();
    expect(panelKeyFor(event("j", { inOtherDialog: true }))).toBeNull();
    expect(panelKeyFor(event("Enter"))).toBeNull();
  });
});
