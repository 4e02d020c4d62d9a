import { describe, expect, it } from "vitest";
import { NUL_MESSAGE, UNPAIRED_SURROGATE_MESSAGE, unstorableTextIssues, unstorableTextProblem } from "./storable-text";

describe("unstorableTextIssues", () => {
  it("names every string that holds a NUL, at any depth", () => {
    const body = { name: "Acme\u0000", items: [{ title: "ok" }, { title: "\u0000x", tags: ["a", "b\u0000"] }], note: null, count: 3, done: true };
    expect(unstorableTextIssues(body, "body")).toEqual([
      { path: "body.items.1.tags.1", message: NUL_MESSAGE },
      { path: "body.items.1.title", message: NUL_MESSAGE },
      { path: "body.name", message: NUL_MESSAGE },
    ]);
    expect(unstorableTextIssues({ orgSlug: "acme\u0000" }, "params")).toEqual([{ path: "params.orgSlug", message: NUL_MESSAGE }]);
    expect(unstorableTextIssues({ q: ["x", "\u0000"] }, "query")).toEqual([{ path: "query.q.1", message: NUL_MESSAGE }]);
    expect(unstorableTextIssues("\u0000", "body")).toEqual([{ path: "body", message: NUL_MESSAGE }]);
  });

  it("names a key that holds a NUL or an unpaired surrogate (printably)", () => {
    expect(unstorableTextIssues({ "a\u0000b": "value" }, "body")).toEqual([{ path: "body.a\\u0000b", message: NUL_MESSAGE }]);
    expect(unstorableTextIssues({ "a\ud800b": "value" }, "body")).toEqual([{ path: "body.a\\ud800b", message: UNPAIRED_SURROGATE_MESSAGE }]);
  });

  // Changed with decision 0021: lone surrogates were let through and failed in Prisma (a 500) or were stored as U+FFFD.
  it("names every string holding half of a surrogate pair, which is not Unicode text", () => {
    const body = { note: "a\ud800b", links: [{ title: "\udfff" }, { title: "\udc00\ud800" }], emoji: "😀 (a whole pair)" };
    expect(unstorableTextIssues(body, "body")).toEqual([
      { path: "body.links.0.title", message: UNPAIRED_SURROGATE_MESSAGE },
      { path: "body.links.1.title", message: UNPAIRED_SURROGATE_MESSAGE },
      { path: "body.note", message: UNPAIRED_SURROGATE_MESSAGE },
    ]);
    expect(unstorableTextProblem("\ud83d\ude00")).toBeNull();
    expect(unstorableTextProblem("\ude00\ud83d")).toBe(UNPAIRED_SURROGATE_MESSAGE);
  });

  it("finds nothing in clean input, including other control characters and whole surrogate pairs", () => {
    expect(unstorableTextIssues({ a: "tab\there", b: ["\u0001", "\ud83d\ude00", "\uffff"], c: { d: "" } }, "body")).toEqual([]);
    expect(unstorableTextIssues(undefined, "body")).toEqual([]);
  });

  it("walks a very deeply nested body without exhausting the stack", () => {
    let deep: unknown = "bottom\u0000";
    for (let depth = 0; depth < 200_000; depth++) deep = [deep];
    const issues = unstorableTextIssues(deep, "body");
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path.startsWith("body.0.0.0")).toBe(true);
    expect(issues[0]!.path.length).toBeLessThanOrEqual(201);
  });
});
