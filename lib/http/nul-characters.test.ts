import { describe, expect, it } from "vitest";
import { NUL_MESSAGE, nulCharacterIssues } from "./nul-characters";

describe("nulCharacterIssues", () => {
  it("names every string that holds a NUL, at any depth", () => {
    const body = { name: "Acme\u0000", items: [{ title: "ok" }, { title: "\u0000x", tags: ["a", "b\u0000"] }], note: null, count: 3, done: true };
    expect(nulCharacterIssues(body, "body")).toEqual([
      { path: "body.items.1.tags.1", message: NUL_MESSAGE },
      { path: "body.items.1.title", message: NUL_MESSAGE },
      { path: "body.name", message: NUL_MESSAGE },
    ]);
    expect(nulCharacterIssues({ orgSlug: "acme\u0000" }, "params")).toEqual([{ path: "params.orgSlug", message: NUL_MESSAGE }]);
    expect(nulCharacterIssues({ q: ["x", "\u0000"] }, "query")).toEqual([{ path: "query.q.1", message: NUL_MESSAGE }]);
    expect(nulCharacterIssues("\u0000", "body")).toEqual([{ path: "body", message: NUL_MESSAGE }]);
  });

  it("names a key that holds a NUL (printably)", () => {
    expect(nulCharacterIssues({ "a\u0000b": "value" }, "body")).toEqual([{ path: "body.a\\u0000b", message: NUL_MESSAGE }]);
  });

  it("finds nothing in clean input, including other control characters and lone surrogates", () => {
    expect(nulCharacterIssues({ a: "tab\there", b: ["\u0001", "\ud800"], c: { d: "" } }, "body")).toEqual([]);
    expect(nulCharacterIssues(undefined, "body")).toEqual([]);
  });

  it("walks a very deeply nested body without exhausting the stack", () => {
    let deep: unknown = "bottom\u0000";
    for (let depth = 0; depth < 200_000; depth++) deep = [deep];
    const issues = nulCharacterIssues(deep, "body");
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path.startsWith("body.0.0.0")).toBe(true);
    expect(issues[0]!.path.length).toBeLessThanOrEqual(201);
  });
});
