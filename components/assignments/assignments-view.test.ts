import { describe, expect, it } from "vitest";
import { ASSIGNMENT_STATUSES } from "@/lib/assignments/schema";
import { queryString } from "@/lib/api/client";
import { apiQueryOf, isFiltered, MAX_PAGES, NO_FILTERS, searchOf, STATUSES, viewFromSearchParams } from "./assignments-view";

const view = (search: string) => viewFromSearchParams(new URLSearchParams(search));

describe("assignments page URL state", () => {
  it("reads the filters and pages", () => {
    expect(view("person=u1&mentor=u2&track=ctrack1&status=ARCHIVED&overdue=true&pages=3")).toEqual({ person: "u1", mentor: "u2", trackId: "ctrack1", status: "ARCHIVED", overdue: true, pages: 3 });
    expect(view("")).toEqual({ ...NO_FILTERS, pages: 1 });
  });

  it("drops values the API would refuse instead of failing the page", () => {
    expect(view("person=a%20b&track=x%2Fy&status=DONE&overdue=yes&pages=-2")).toEqual({ ...NO_FILTERS, pages: 1 });
    expect(view(`mentor=${"x".repeat(65)}`).mentor).toBeNull();
    expect(view("pages=9999").pages).toBe(MAX_PAGES);
  });

  it("writes back only what differs from the defaults, and round-trips", () => {
    expect(searchOf({ ...NO_FILTERS, pages: 1 })).toBe("");
    const search = searchOf({ person: null, mentor: "u2", trackId: "ct1", status: null, overdue: true, pages: 2 });
    expect(search).toBe("?mentor=u2&track=ct1&overdue=true&pages=2");
    expect(view(search.slice(1))).toEqual({ person: null, mentor: "u2", trackId: "ct1", status: null, overdue: true, pages: 2 });
  });

  it("asks the API for one page at a time, naming the filters as the API does", () => {
    expect(queryString(apiQueryOf(NO_FILTERS, null))).toBe("limit=25");
    expect(queryString(apiQueryOf({ person: "u1", mentor: "u2", trackId: "ct1", status: "COMPLETED", overdue: true }, "abc="))).toBe(
      "limit=25&assigneeId=u1&mentorId=u2&trackId=ct1&status=COMPLETED&overdue=true&cursor=abc%3D",
    );
    // "Not overdue" is not a filter the page offers: false sends nothing.
    expect(queryString(apiQueryOf({ ...NO_FILTERS, overdue: false }, null))).toBe("limit=25");
  });

  it("knows when a view is narrowed", () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, overdue: true })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, status: "ACTIVE" })).toBe(true);
  });

  it("offers exactly the API's statuses", () => {
    expect(STATUSES).toEqual(ASSIGNMENT_STATUSES);
  });
});
