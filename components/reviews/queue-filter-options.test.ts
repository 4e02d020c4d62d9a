import { describe, expect, it } from "vitest";
import { queueFilterOptions } from "./queue-filter-options";

const person = (id: string, name: string | null) => ({ id, name, email: `${id}@example.test` });
const go = { id: "t1", title: "Go basics" };
const api = { id: "t2", title: "API design" };

describe("queueFilterOptions", () => {
  it("lists each hire and track once, by name, never the viewer", () => {
    const options = queueFilterOptions(
      [
        { assignee: person("u2", "Zoe"), track: go },
        { assignee: person("u3", null), track: api },
        { assignee: person("u2", "Zoe"), track: api },
        { assignee: person("me", "Mentor"), track: { id: "t3", title: "Only mine" } },
      ],
      "me",
    );
    expect(options.hires.map((hire) => hire.id)).toEqual(["u3", "u2"]);
    expect(options.tracks).toEqual([api, go]);
  });

  it("offers nothing without assignments", () => {
    expect(queueFilterOptions([], "me")).toEqual({ hires: [], tracks: [] });
  });
});
