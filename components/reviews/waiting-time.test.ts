import { describe, expect, it } from "vitest";
import { overdueLabel, waitedLong, waitingFor } from "./waiting-time";

const SENT = "2026-03-01T10:00:00.000Z";
const after = (ms: number) => Date.parse(SENT) + ms;

describe("waitingFor", () => {
  it("says how long in the largest unit that fits", () => {
    expect(waitingFor(SENT, after(20_000))).toBe("waiting under a minute");
    expect(waitingFor(SENT, after(12 * 60_000 + 59_000))).toBe("waiting 12 min");
    expect(waitingFor(SENT, after(3 * 3_600_000 + 59 * 60_000))).toBe("waiting 3 h");
    expect(waitingFor(SENT, after(47 * 3_600_000))).toBe("waiting 47 h");
    expect(waitingFor(SENT, after(50 * 3_600_000))).toBe("waiting 2 days");
  });

  it("never counts backwards when the clocks disagree", () => {
    expect(waitingFor(SENT, after(-90_000))).toBe("waiting under a minute");
  });

  it("marks two days and more as long", () => {
    expect(waitedLong(SENT, after(47 * 3_600_000))).toBe(false);
    expect(waitedLong(SENT, after(48 * 3_600_000))).toBe(true);
  });
});

describe("overdueLabel", () => {
  it("says how many working days against the target", () => {
    expect(overdueLabel(3, 2)).toBe("Waiting 3 working days — over the 2-day target");
    expect(overdueLabel(2, 1)).toBe("Waiting 2 working days — over the 1-day target");
  });
});
