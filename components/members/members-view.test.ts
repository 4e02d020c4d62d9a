import { describe, expect, it } from "vitest";
import { queryString } from "@/lib/api/client";
import { apiQueryOf, isFiltered, MAX_PAGES, searchOf, viewFromSearchParams } from "./members-view";

const view = (search: string) => viewFromSearchParams(new URLSearchParams(search));

describe("members page URL state", () => {
  it("reads search, filters and pages", () => {
    expect(view("q=%20sam%20&role=MENTOR&status=SUSPENDED&pages=3")).toEqual({ q: "sam", role: "MENTOR", status: "SUSPENDED", pages: 3 });
    expect(view("")).toEqual({ q: "", role: null, status: null, pages: 1 });
  });

  it("drops values the API would refuse instead of failing the page", () => {
    expect(view("role=KING&status=gone&pages=-4")).toEqual({ q: "", role: null, status: null, pages: 1 });
    expect(view("pages=abc").pages).toBe(1);
    expect(view("pages=9999").pages).toBe(MAX_PAGES);
    expect(view(`q=${"x".repeat(150)}`).q).toHaveLength(100);
  });

  it("writes back only what differs from the defaults, and round-trips", () => {
    expect(searchOf({ q: "", role: null, status: null, pages: 1 })).toBe("");
    const search = searchOf({ q: "ada l", role: "ADMIN", status: null, pages: 2 });
    expect(search).toBe("?q=ada+l&role=ADMIN&pages=2");
    expect(view(search.slice(1))).toEqual({ q: "ada l", role: "ADMIN", status: null, pages: 2 });
  });

  it("asks the API for one page at a time with the filters and the cursor", () => {
    expect(queryString(apiQueryOf({ q: "", role: null, status: null }, null))).toBe("limit=25");
    expect(queryString(apiQueryOf({ q: "a&b", role: "MEMBER", status: "ACTIVE" }, "abc"))).toBe("limit=25&q=a%26b&role=MEMBER&status=ACTIVE&cursor=abc");
  });

  it("knows when a view is narrowed", () => {
    expect(isFiltered({ q: "", role: null, status: null })).toBe(false);
    expect(isFiltered({ q: "", role: null, status: "ACTIVE" })).toBe(true);
  });
});
