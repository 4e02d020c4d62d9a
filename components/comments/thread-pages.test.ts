import { describe, expect, it } from "vitest";
import type { CommentJson, ThreadPageJson } from "./comments-api";
import { conversationOf, withSentComment } from "./thread-pages";

const comment = (id: string): CommentJson => ({
  id,
  author: { id: "u", name: "U", email: "u@example.test" },
  body: id,
  bodyHtml: `<p>${id}</p>`,
  createdAt: "2026-12-01T00:00:00.000Z",
  editedAt: null,
  deleted: false,
  editableUntil: null,
  canDelete: false,
});
const page = (ids: string[], nextCursor: string | null = null): ThreadPageJson => ({ items: ids.map(comment), nextCursor });
const ids = (comments: CommentJson[]) => comments.map((item) => item.id);

describe("conversationOf", () => {
  it("reads the pages (newest first, older pages after) oldest first", () => {
    expect(ids(conversationOf([page(["e", "d"], "c1"), page(["c", "b"], "c2"), page(["a"])]))).toEqual(["a", "b", "c", "d", "e"]);
    expect(conversationOf([])).toEqual([]);
  });

  it("shows a comment on two pages once, where the newer page has it", () => {
    expect(ids(conversationOf([page(["d", "c"]), page(["c", "b"])]))).toEqual(["b", "c", "d"]);
  });
});

describe("withSentComment", () => {
  const data = { pages: [page(["b", "a"], "x"), page(["0"])], pageParams: [undefined, "x"] };

  it("puts the sent comment first on the newest page and leaves the older pages alone", () => {
    const next = withSentComment(data, comment("c"))!;
    expect(next.pages.map((item) => ids(item.items))).toEqual([["c", "b", "a"], ["0"]]);
    expect(next.pageParams).toEqual(data.pageParams);
    expect(next.pages[1]).toBe(data.pages[1]);
  });

  it("replaces a copy a refetch already brought, and leaves a thread not loaded yet to its first read", () => {
    expect(ids(withSentComment({ pages: [page(["c", "b"])], pageParams: [undefined] }, comment("c"))!.pages[0]!.items)).toEqual(["c", "b"]);
    expect(withSentComment(undefined, comment("c"))).toBeUndefined();
  });
});
