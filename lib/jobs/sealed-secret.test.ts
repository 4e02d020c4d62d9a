import { afterEach, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { openSealedSecret, sealSecret } from "./sealed-secret";

afterEach(() => {
  process.env.NEXTAUTH_SECRET = "test-secret-that-is-long-enough-for-next-auth-0123456789";
  resetConfig();
});

describe("sealed secrets in job payloads", () => {
  it("opens what it sealed, and the sealed form does not contain the secret", () => {
    const secret = "Jw3q-5hQ_raw-reset-token-value";
    const sealed = sealSecret(secret);
    expect(sealed).toMatch(/^v1\.[\w-]+$/);
    expect(sealed).not.toContain(secret);
    expect(openSealedSecret(sealed)).toBe(secret);
  });

  it("seals the same value differently each time (a fresh IV)", () => {
    expect(sealSecret("same")).not.toBe(sealSecret("same"));
  });

  it("refuses altered, truncated or foreign values", () => {
    const sealed = sealSecret("value");
    const body = sealed.slice(3);
    const flipped = `v1.${body[0] === "A" ? "B" : "A"}${body.slice(1)}`;
    expect(() => openSealedSecret(flipped)).toThrow();
    expect(() => openSealedSecret("v1.AAAA")).toThrow(/truncated/);
    expect(() => openSealedSecret("plain-token")).toThrow(/not a sealed secret/);
  });

  it("cannot be opened with another NEXTAUTH_SECRET", () => {
    const sealed = sealSecret("value");
    process.env.NEXTAUTH_SECRET = "another-secret-that-is-long-enough-for-next-auth-9876543210";
    resetConfig();
    expect(() => openSealedSecret(sealed)).toThrow();
  });
});
