import { describe, expect, it } from "vitest";
import { auditQueryOf, auditViewOf, hasFilters } from "./audit-view";

describe("the audit page's view in its URL", () => {
  it("drops the empty fields a GET form submits and keeps the rest in order", () => {
    const view = auditViewOf({ actor: "", type: ["member.invited", "security.signed_in"], from: "2026-01-01", to: "", subjectType: "", subjectId: "" });
    expect(view).toEqual({ types: ["member.invited", "security.signed_in"], actor: "", subjectType: "", subjectId: "", from: "2026-01-01", to: "" });
    expect(auditQueryOf(view)).toBe("type=member.invited&type=security.signed_in&from=2026-01-01");
    expect(hasFilters(view)).toBe(true);
  });

  it("reads comma-separated types once each, and nothing as no filter", () => {
    expect(auditViewOf({ type: "member.invited, member.joined,member.invited" }).types).toEqual(["member.invited", "member.joined"]);
    const empty = auditViewOf({});
    expect(auditQueryOf(empty)).toBe("");
    expect(hasFilters(empty)).toBe(false);
  });

  it("encodes what it passes on", () => {
    expect(auditQueryOf(auditViewOf({ subjectType: "user", subjectId: "a b&c" }))).toBe("subjectType=user&subjectId=a+b%26c");
  });
});
