import { describe, expect, it } from "vitest";
import { describeExpiry } from "./expiry";

const now = new Date("2026-11-26T12:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe("describeExpiry", () => {
  it("counts whole days, then hours, and says expired once past", () => {
    expect(describeExpiry(later(7 * 24 - 0.1), now)).toBe("expires in 6 days");
    expect(describeExpiry(later(24), now)).toBe("expires in 1 day");
    expect(describeExpiry(later(5.5), now)).toBe("expires in 5 hours");
    expect(describeExpiry(later(0.5), now)).toBe("expires in less than an hour");
    expect(describeExpiry(later(0), now)).toBe("expired");
    expect(describeExpiry(later(-3), now)).toBe("expired");
  });
});
