import { describe, expect, it } from "vitest";
import { assignableTracks, preselectedTrackId } from "./assignable-tracks";
import type { TrackOptionJson } from "./assignments-api";

function track(id: string, latest: { number: number; status: "DRAFT" | "PUBLISHED" } | null, archivedAt: string | null = null): TrackOptionJson {
  return {
    id,
    title: id,
    description: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    archivedAt,
    latestVersion: latest && { id: `${id}-v${latest.number}`, ...latest, publishedAt: null, createdAt: "2026-01-01T00:00:00.000Z", counts: { sections: 1, topics: 0, items: 3 } },
  };
}

describe("assignableTracks", () => {
  it("offers tracks with a published version: published latest, or a later draft made from one", () => {
    const tracks = [
      track("published", { number: 1, status: "PUBLISHED" }),
      track("first-draft", { number: 1, status: "DRAFT" }),
      track("later-draft", { number: 3, status: "DRAFT" }),
      track("empty", null),
      track("archived", { number: 2, status: "PUBLISHED" }, "2026-02-01T00:00:00.000Z"),
    ];
    expect(assignableTracks(tracks).map((item) => item.id)).toEqual(["published", "later-draft"]);
  });
});

describe("preselectedTrackId", () => {
  const only = track("only", { number: 1, status: "PUBLISHED" });
  const draft = track("draft", { number: 1, status: "DRAFT" });
  const other = track("other", { number: 2, status: "PUBLISHED" });

  it("selects the only assignable track, however many unassignable ones there are", () => {
    expect(preselectedTrackId([only], "")).toBe("only");
    expect(preselectedTrackId([draft, only, track("archived", { number: 1, status: "PUBLISHED" }, "2026-02-01T00:00:00.000Z")], "")).toBe("only");
  });

  it("selects nothing when there is a choice to make, nothing to assign, or the list is still loading", () => {
    expect(preselectedTrackId([only, other], "")).toBe("");
    expect(preselectedTrackId([draft], "")).toBe("");
    expect(preselectedTrackId([], "")).toBe("");
    expect(preselectedTrackId(undefined, "")).toBe("");
  });

  it("prefers the track a link named, even one the list does not offer", () => {
    expect(preselectedTrackId([only, other], "other")).toBe("other");
    expect(preselectedTrackId([only], "draft")).toBe("draft");
    expect(preselectedTrackId(undefined, "other")).toBe("other");
  });
});
