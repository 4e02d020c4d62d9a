import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { assertSameOrigin, originVerdict } from "./same-origin";

const ALLOWED = ["http://localhost:3000", "https://cairn.example.com"];
const request = (method: string, origin?: string) => new Request("http://localhost:3000/api/v1/x", { method, headers: origin ? { origin } : {} });

describe("originVerdict", () => {
  it("tells our origins from foreign, opaque and missing ones", () => {
    expect(originVerdict(new Headers({ origin: "https://cairn.example.com" }), ALLOWED)).toBe("same-origin");
    expect(originVerdict(new Headers({ origin: "https://cairn.example.com:8443" }), ALLOWED)).toBe("foreign");
    expect(originVerdict(new Headers({ origin: "http://cairn.example.com" }), ALLOWED)).toBe("foreign");
    expect(originVerdict(new Headers({ origin: "null" }), ALLOWED)).toBe("foreign");
    expect(originVerdict(new Headers(), ALLOWED)).toBe("missing");
  });
});

describe("assertSameOrigin", () => {
  it("refuses writes from a foreign origin, and writes without one when an Origin is required", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(() => assertSameOrigin(request(method, "https://evil.example"), ALLOWED, false)).toThrow(AppError);
      expect(() => assertSameOrigin(request(method), ALLOWED, true)).toThrow("Cross-site request refused.");
      expect(() => assertSameOrigin(request(method), ALLOWED, false)).not.toThrow();
      expect(() => assertSameOrigin(request(method, "http://localhost:3000"), ALLOWED, true)).not.toThrow();
    }
  });

  it("leaves reads alone", () => {
    expect(() => assertSameOrigin(request("GET", "https://evil.example"), ALLOWED, true)).not.toThrow();
    expect(() => assertSameOrigin(request("HEAD"), ALLOWED, true)).not.toThrow();
  });
});
