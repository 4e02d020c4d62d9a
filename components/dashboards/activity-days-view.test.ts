import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { applyLiveEvents } from "@/components/realtime/apply-events";
import { activitySummary, chartData, chartRange, formatDay, rangeWords, spanDays, tableRows } from "./activity-days-view";
import { activityDaysKey, activityFeedKey, activityKey } from "./dashboards-api";

/** Runs `fn` with the process in another time zone (Node re-reads TZ when it is set), as a browser there would. */
function inZone<T>(zone: string, fn: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = zone;
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

const answer = (days: Array<{ day: string; count: number }>, from = "2025-11-27", to = "2026-11-26") => ({ userId: "u1", from, to, days });

describe("the activity calendar's views", () => {
  it("counts the range's days with both ends included", () => {
    expect(spanDays("2025-11-27", "2026-11-26")).toBe(365);
    expect(spanDays("2024-01-01", "2024-12-31")).toBe(366);
    expect(spanDays("2026-03-01", "2026-03-01")).toBe(1);
  });

  it("sums up the active days and the changes, in words", () => {
    expect(activitySummary(answer([]))).toBe("No activity in the last 12 months");
    expect(activitySummary(answer([{ day: "2026-11-26", count: 1 }]))).toBe("1 active day in the last 12 months (1 change)");
    expect(activitySummary(answer([{ day: "2026-01-02", count: 3 }, { day: "2026-11-26", count: 2 }]))).toBe("2 active days in the last 12 months (5 changes)");
    expect(rangeWords("2026-03-01", "2026-03-31")).toBe("from Sun, Mar 1, 2026 to Tue, Mar 31, 2026");
  });

  it("lists the table's rows newest first with the UTC day named, whatever the order received", () => {
    expect(tableRows([{ day: "2026-01-02", count: 3 }, { day: "2026-11-26", count: 2 }, { day: "2026-02-28", count: 1 }])).toEqual([
      { day: "2026-11-26", label: "Thu, Nov 26, 2026", count: 2 },
      { day: "2026-02-28", label: "Sat, Feb 28, 2026", count: 1 },
      { day: "2026-01-02", label: "Fri, Jan 2, 2026", count: 3 },
    ]);
    expect(formatDay("2026-12-31")).toBe("Thu, Dec 31, 2026");
  });

  it.each(["America/Los_Angeles", "Pacific/Kiritimati", "UTC"])("gives the chart its values and a range of local midnights ending the day after the last (%s)", (zone) => {
    expect(chartData([{ day: "2026-11-26", count: 4 }])).toEqual([{ day: "2026-11-26", value: 4 }]);
    const { from, to } = inZone(zone, () => chartRange("2025-11-27", "2026-11-26"));
    // Local calendar dates, as nivo lays them out: "2025-11-27" must not become the 26th west of UTC.
    expect(inZone(zone, () => [from.getFullYear(), from.getMonth(), from.getDate(), from.getHours()])).toEqual([2025, 10, 27, 0]);
    expect(inZone(zone, () => [to.getFullYear(), to.getMonth(), to.getDate(), to.getHours()])).toEqual([2026, 10, 27, 0]);
    // Across a month and a year end.
    expect(inZone(zone, () => chartRange("2026-12-01", "2026-12-31").to.toDateString())).toBe("Fri Jan 01 2027");
  });
});

describe("live events and the activity queries", () => {
  it("mark the Activity page's pages and the calendars stale along with the dashboard's feed", () => {
    const client = new QueryClient();
    const keys = [activityKey("acme"), activityFeedKey("acme"), activityDaysKey("acme", "u1"), activityFeedKey("other")];
    for (const key of keys) client.setQueryData(key, { cached: true });
    applyLiveEvents(client, "acme", [{ sequence: 1, type: "progress.updated", subjectType: "assignment", subjectId: "a1", actorId: null, payload: {}, createdAt: "2026-11-26T00:00:00Z" }]);
    expect(keys.filter((key) => client.getQueryState(key)?.isInvalidated).map((key) => key.join("/"))).toEqual(["activity/acme", "activity/acme/feed", "activity/acme/days/u1"]);
  });
});
