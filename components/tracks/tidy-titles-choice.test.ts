import { describe, expect, it } from "vitest";
import { tidyTitle } from "@/lib/outline/tidy-title";
import { titleChanges } from "./tidy-titles-choice";
import type { ImportPreviewJson } from "./types";

const node = (title: string, line: number, kind: "SECTION" | "ITEM" = "ITEM") => ({ depth: kind === "SECTION" ? 0 : 1, kind, title, optional: false, line, links: 0 });

describe("titleChanges", () => {
  it("lists the # title first, then each changed node with its line, and skips the unchanged", () => {
    const preview = { ok: true, title: "🐍 PYTHON", tree: [node("BASICS", 4, "SECTION"), node("Intro to Docker", 6), node("🎉", 7), node("LEARN SQL", 8)] } as unknown as ImportPreviewJson;
    expect(titleChanges(preview, tidyTitle)).toEqual([
      { line: null, before: "🐍 PYTHON", after: "Python" },
      { line: 4, before: "BASICS", after: "Basics" },
      { line: 8, before: "LEARN SQL", after: "Learn SQL" },
    ]);
  });

  it("is empty when nothing would change", () => {
    const preview = { ok: true, title: null, tree: [node("Basics", 2, "SECTION")] } as unknown as ImportPreviewJson;
    expect(titleChanges(preview, tidyTitle)).toEqual([]);
  });
});
