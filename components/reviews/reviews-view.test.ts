import { describe, expect, it } from "vitest";
import { reviewQueueQuery } from "@/components/evidence/evidence-api";
import { isFiltered, MAX_PAGES, NO_FILTERS, searchOf, viewFromSearchParams } from "./reviews-view";

const view = (search: string) => viewFromSearchParams(new URLSearchParams(search));

describe("review queue URL state", () => {
  it("reads the filters and pages", () => {
    expect(view("hire=u1&track=ctrack1&section=sectionKey01&pages=2")).toEqual({ assigneeId: "u1", trackId: "ctrack1", sectionKey: "sectionKey01", pages: 2 });
    expect(view("")).toEqual({ ...NO_FILTERS, pages: 1 });
  });

  it("drops what the API would refuse, and a section without its track", () => {
    expect(view("hire=a%20b&track=x%2Fy&section=short&pages=0")).toEqual({ ...NO_FILTERS, pages: 1 });
    expect(view("section=sectionKey01").sectionKey).toBeNull();
    expect(view("pages=500").pages).toBe(MAX_PAGES);
  });

  it("writes back only what differs from the defaults, and round-trips", () => {
    expect(searchOf({ ...NO_FILTERS, pages: 1 })).toBe("");
    const search = searchOf({ assigneeId: "u1", trackId: "ct1", sectionKey: "sectionKey01", pages: 3 });
    expect(search).toBe("?hire=u1&track=ct1&section=sectionKey01&pages=3");
    expect(view(search.slice(1))).toEqual({ assigneeId: "u1", trackId: "ct1", sectionKey: "sectionKey01", pages: 3 });
    expect(searchOf({ assigneeId: null, trackId: null, sectionKey: "sectionKey01", pages: 1 })).toBe("");
  });

  it("asks the API with its own names, one page at a time", () => {
    expect(reviewQueueQuery(NO_FILTERS, null)).toBe("limit=25");
    expect(reviewQueueQuery({ assigneeId: "u1", trackId: "ct1", sectionKey: "sectionKey01" }, "abc=")).toBe("limit=25&assigneeId=u1&trackId=ct1&sectionKey=sectionKey01&cursor=abc%3D");
    expect(reviewQueueQuery(NO_FILTERS, null, 1)).toBe("limit=1");
  });

  it("knows when the queue is narrowed", () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, trackId: "ct1" })).toBe(true);
  });
});

describe("the overdue filter in the URL", () => {
  it("reads and writes overdue=1, counts as a filter, and asks the API for overdue=true", () => {
    const parsed = view("overdue=1&pages=2");
    expect(parsed).toMatchObject({ overdue: true, pages: 2 });
    expect(searchOf(parsed)).toBe("?overdue=1&pages=2");
    expect(view("overdue=yes").overdue).toBeUndefined();
    expect(isFiltered({ assigneeId: null, trackId: null, sectionKey: null, overdue: true })).toBe(true);
    expect(reviewQueueQuery({ assigneeId: null, trackId: null, sectionKey: null, overdue: true }, null)).toBe("limit=25&overdue=true");
  });
});
