import { describe, expect, it } from "vitest";
import { fetchAllPages } from "./fetch-all-pages";

/** A list of `size` numbers served `per` at a time, recording the cursors asked for. */
function pager(size: number, per: number) {
  const asked: Array<string | null> = [];
  const fetchPage = async (cursor: string | null) => {
    asked.push(cursor);
    const start = cursor === null ? 0 : Number(cursor);
    const items = Array.from({ length: Math.min(per, size - start) }, (_, index) => start + index);
    return { items, nextCursor: start + per < size ? String(start + per) : null };
  };
  return { asked, fetchPage };
}

describe("fetchAllPages", () => {
  it("follows the cursors to the end", async () => {
    const { asked, fetchPage } = pager(250, 100);
    const result = await fetchAllPages(fetchPage, 10);
    expect(result.complete).toBe(true);
    expect(result.items).toHaveLength(250);
    expect(result.items.at(-1)).toBe(249);
    expect(asked).toEqual([null, "100", "200"]);
  });

  it("stops at the bound and says the list is cut short", async () => {
    const { asked, fetchPage } = pager(1000, 100);
    const result = await fetchAllPages(fetchPage, 3);
    expect(result).toMatchObject({ complete: false });
    expect(result.items).toHaveLength(300);
    expect(asked).toHaveLength(3);
  });

  it("handles an empty list in one request", async () => {
    const { asked, fetchPage } = pager(0, 100);
    expect(await fetchAllPages(fetchPage, 3)).toEqual({ items: [], complete: true });
    expect(asked).toEqual([null]);
  });
});
