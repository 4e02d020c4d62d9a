import { describe, expect, it } from "vitest";
import { timeAgo } from "./time-ago";

const now = new Date("2026-11-26T12:00:00Z");
const ago = (seconds: number) => timeAgo(new Date(now.getTime() - seconds * 1000), now, { locale: "en-US" });

describe("timeAgo", () => {
  it("says how long ago in the largest whole unit", () => {
    expect(ago(0)).toBe("now");
    expect(ago(59)).toBe("now");
    expect(ago(60)).toBe("1 minute ago");
    expect(ago(3599)).toBe("59 minutes ago");
    expect(ago(3600)).toBe("1 hour ago");
    expect(ago(26 * 3600)).toBe("1 day ago");
    expect(ago(3 * 86400)).toBe("3 days ago");
    expect(ago(15 * 86400)).toBe("2 weeks ago");
  });

  it("treats a time in the future (a clock ahead) as now", () => {
    expect(ago(-30)).toBe("now");
  });
});
