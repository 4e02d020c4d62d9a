import { describe, expect, it } from "vitest";
import { grantableScopes, scopeLabel, TOKEN_SCOPES } from "./scopes";
import { hashToken, isTokenShaped, kindOfToken, newTokenSecret } from "./token-secret";

describe("token secrets", () => {
  it("are prefixed by kind, 256 random bits, and stored as their SHA-256", () => {
    const personal = newTokenSecret("PERSONAL");
    const service = newTokenSecret("SERVICE");
    expect(personal.token).toMatch(/^cairn_pat_[A-Za-z0-9_-]{43}$/);
    expect(service.token).toMatch(/^cairn_sat_[A-Za-z0-9_-]{43}$/);
    expect(personal.tokenHash).toBe(hashToken(personal.token));
    expect(personal.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(personal.prefix).toBe(personal.token.slice(0, 14));
    expect(newTokenSecret("PERSONAL").token).not.toBe(personal.token);
    expect([kindOfToken(personal.token), kindOfToken(service.token)]).toEqual(["PERSONAL", "SERVICE"]);
  });

  it("refuses anything not exactly token-shaped, before any lookup", () => {
    const { token } = newTokenSecret("PERSONAL");
    expect(isTokenShaped(token)).toBe(true);
    for (const value of ["", "cairn_pat_", token.slice(0, -1), `${token}A`, `${token.slice(0, -1)}\u0000`, `${token.slice(0, -1)}é`, ` ${token.slice(1)}`, token.replace("pat", "PAT"), `${token}\n`]) {
      expect(isTokenShaped(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe("token scopes", () => {
  it("are the policy's permissions but managing tokens, within the role", () => {
    expect(TOKEN_SCOPES).not.toContain("token.manage");
    expect(TOKEN_SCOPES).toContain("org.read");
    expect(grantableScopes("OWNER")).toEqual(TOKEN_SCOPES);
    expect(grantableScopes("MEMBER")).not.toContain("dashboard.read");
    expect(grantableScopes("MEMBER")).toContain("progress.update");
    for (const scope of TOKEN_SCOPES) expect(scopeLabel(scope), scope).not.toBe(scope);
  });
});
