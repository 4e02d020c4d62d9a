import { describe, expect, it } from "vitest";
import { inQuietHours, isTimeZone, localClock, quietHoursEnd, timeZoneSchema } from "./quiet-hours";

describe("quiet hours", () => {
  it("reads the local wall clock of a time zone", () => {
    expect(localClock(new Date("2026-12-07T06:30:00Z"), "UTC")).toEqual({ day: "2026-12-07", hour: 6, minute: 30 });
    expect(localClock(new Date("2026-12-07T06:30:00Z"), "America/New_York")).toEqual({ day: "2026-12-07", hour: 1, minute: 30 });
    expect(localClock(new Date("2026-12-07T23:30:00Z"), "Asia/Tokyo")).toEqual({ day: "2026-12-08", hour: 8, minute: 30 });
  });

  it("is quiet from 20:00 to 08:00 local", () => {
    expect(inQuietHours(new Date("2026-12-07T19:59:00Z"), "UTC")).toBe(false);
    expect(inQuietHours(new Date("2026-12-07T20:00:00Z"), "UTC")).toBe(true);
    expect(inQuietHours(new Date("2026-12-07T07:59:00Z"), "UTC")).toBe(true);
    expect(inQuietHours(new Date("2026-12-07T08:00:00Z"), "UTC")).toBe(false);
    // 12:00 UTC is 21:00 in Tokyo.
    expect(inQuietHours(new Date("2026-12-07T12:00:00Z"), "Asia/Tokyo")).toBe(true);
  });

  it("waits until 08:00 local, and not at all outside the quiet hours", () => {
    const noon = new Date("2026-12-07T12:00:00Z");
    expect(quietHoursEnd(noon, "UTC")).toEqual(noon);
    expect(quietHoursEnd(new Date("2026-12-07T21:15:30Z"), "UTC").toISOString()).toBe("2026-12-08T08:00:00.000Z");
    expect(quietHoursEnd(new Date("2026-12-07T03:00:00Z"), "UTC").toISOString()).toBe("2026-12-07T08:00:00.000Z");
    // 21:00 in Tokyo (UTC+9) → 08:00 Tokyo = 23:00 UTC.
    expect(quietHoursEnd(noon, "Asia/Tokyo").toISOString()).toBe("2026-12-07T23:00:00.000Z");
  });

  it("crosses a daylight-saving change (Europe/Berlin, 2027-03-28 02:00 → 03:00)", () => {
    const end = quietHoursEnd(new Date("2027-03-27T22:00:00Z"), "Europe/Berlin");
    expect(localClock(end, "Europe/Berlin")).toEqual({ day: "2027-03-28", hour: 8, minute: 0 });
  });

  it("accepts Intl's IANA names and UTC, nothing else", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("europe/berlin")).toBe(false);
    expect(timeZoneSchema.safeParse("x".repeat(1000)).success).toBe(false);
  });
});
