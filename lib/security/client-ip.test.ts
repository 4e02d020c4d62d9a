import { describe, expect, it } from "vitest";
import { rateLimitSubject } from "./client-ip";

describe("rateLimitSubject", () => {
  it("counts IPv4 addresses one by one", () => {
    expect(rateLimitSubject("203.0.113.7")).toBe("203.0.113.7");
    expect(rateLimitSubject("unknown")).toBe("unknown");
  });

  it("counts an IPv6 address by its /64, however it is written", () => {
    expect(rateLimitSubject("2001:db8:1:2::1")).toBe("2001:0db8:0001:0002::/64");
    expect(rateLimitSubject("2001:0DB8:0001:0002:ffff:0:0:9")).toBe("2001:0db8:0001:0002::/64");
    expect(rateLimitSubject("::1")).toBe("0000:0000:0000:0000::/64");
    expect(rateLimitSubject("fe80::1%eth0")).toBe("fe80:0000:0000:0000::/64");
    expect(rateLimitSubject("64:ff9b::192.0.2.1")).toBe("0064:ff9b:0000:0000::/64");
    expect(rateLimitSubject("2001:db8:1:3::1")).not.toBe(rateLimitSubject("2001:db8:1:2::1"));
  });
});
