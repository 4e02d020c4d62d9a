import { describe, expect, it } from "vitest";
import type { ManagerView } from "./manager-api";
import { managerSearchOf, managerViewFromSearchParams } from "./manager-view";

const DEFAULTS: ManagerView = { track: null, mentor: null, cohort: null, sort: "hire", order: "asc", page: 1 };

describe("manager dashboard URL", () => {
  it("reads the view it can use and drops the rest", () => {
    expect(managerViewFromSearchParams(new URLSearchParams("track=ck1&mentor=u_2&cohort=2026-11&sort=due&order=desc&page=3"))).toEqual({
      track: "ck1",
      mentor: "u_2",
      cohort: "2026-11",
      sort: "due",
      order: "desc",
      page: 3,
    });
    expect(managerViewFromSearchParams(new URLSearchParams("track=a%20b&cohort=2026-13&sort=salary&order=up&page=-2"))).toEqual(DEFAULTS);
  });

  it("writes it back, leaving out the defaults", () => {
    expect(managerSearchOf({ ...DEFAULTS, track: "ck1", cohort: "2026-10", page: 2 })).toBe("?track=ck1&cohort=2026-10&page=2");
    expect(managerSearchOf({ ...DEFAULTS, sort: "progress", order: "desc" })).toBe("?sort=progress&order=desc");
    expect(managerSearchOf(DEFAULTS)).toBe("");
  });
});
