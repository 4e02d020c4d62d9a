import { describe, expect, it } from "vitest";
import { describeExpiry, INVITATION_TTL_DAYS, invitationExpiry, invitationValidity } from "./expiry";

const now = new Date("2026-11-26T12:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe("describeExpiry", () => {
  it("reads the full 7 days right after sending, as the dialog says", () => {
    expect(describeExpiry(invitationExpiry(now), now)).toBe("expires in 7 days");
    expect(describeExpiry(later(7 * 24 - 1 / 60), now)).toBe("expires in 7 days"); // 6 d 23 h 59 min
    expect(describeExpiry(later(6 * 24 + 1), now)).toBe("expires in 7 days");
  });

  it("rounds whole days up at each boundary", () => {
    expect(describeExpiry(later(6 * 24), now)).toBe("expires in 6 days");
    expect(describeExpiry(later(2 * 24 + 0.01), now)).toBe("expires in 3 days");
    expect(describeExpiry(later(2 * 24), now)).toBe("expires in 2 days");
    expect(describeExpiry(later(24.5), now)).toBe("expires in 2 days");
  });

  it("counts hours on the last day, then the last hour, then says expired", () => {
    expect(describeExpiry(later(24), now)).toBe("expires in 24 hours");
    expect(describeExpiry(later(5.5), now)).toBe("expires in 6 hours");
    expect(describeExpiry(later(2), now)).toBe("expires in 2 hours");
    expect(describeExpiry(later(1.01), now)).toBe("expires in 2 hours");
    expect(describeExpiry(later(1), now)).toBe("expires within the hour");
    expect(describeExpiry(later(0.001), now)).toBe("expires within the hour");
    expect(describeExpiry(later(0), now)).toBe("expired");
    expect(describeExpiry(later(-3), now)).toBe("expired");
  });
});

describe("invitationValidity", () => {
  it("is the list's wording for an invitation sent now", () => {
    expect(INVITATION_TTL_DAYS).toBe(7);
    expect(invitationValidity(now)).toBe("expires in 7 days");
  });
});
