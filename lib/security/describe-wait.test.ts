import { describe, expect, it } from "vitest";
import { describeWait } from "./describe-wait";

describe("describeWait", () => {
  it("rounds up to the unit a person thinks in", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(45)).toBe("45 seconds");
    expect(describeWait(60)).toBe("1 minute");
    expect(describeWait(61)).toBe("2 minutes");
    expect(describeWait(900)).toBe("15 minutes");
    expect(describeWait(3600)).toBe("1 hour");
    expect(describeWait(3601)).toBe("2 hours");
  });
});
