import { describe, expect, it } from "vitest";
import { maskEmail } from "./mask-email";
import { checkRecipient, sortRecipients, splitEmailList } from "./recipients";
import { invitableRoles, inviteRefusal } from "./rules";

describe("splitEmailList", () => {
  it("splits on commas, semicolons, spaces and newlines and unwraps 'Name <address>'", () => {
    expect(splitEmailList(" a@x.test, b@x.test;c@x.test\n\n d@x.test\tGrace Hopper <grace@x.test>, ")).toEqual(["a@x.test", "b@x.test", "c@x.test", "d@x.test", "grace@x.test"]);
    expect(splitEmailList(" \n , ")).toEqual([]);
  });
});

describe("sortRecipients", () => {
  it("lower-cases, collapses duplicates and reports malformed entries with their index", () => {
    expect(sortRecipients(["Ada@X.test", "ada@x.test", "nope", "bob@x.test", "a@b", "BOB@x.test"])).toEqual({
      valid: ["ada@x.test", "bob@x.test"],
      duplicates: ["ada@x.test", "bob@x.test"],
      invalid: [
        { index: 2, value: "nope", reason: "Not an email address: it has no @." },
        { index: 4, value: "a@b", reason: "Not a valid email address." },
      ],
    });
  });

  it("refuses over-long addresses", () => {
    expect(checkRecipient(`${"a".repeat(250)}@x.test`)).toEqual({ ok: false, reason: "An email address has at most 254 characters." });
    expect(checkRecipient("<Ada@X.test>")).toEqual({ ok: true, email: "ada@x.test" });
  });
});

describe("invite rules", () => {
  it("lets owners invite any role, admins mentors and new hires, and nobody else invite", () => {
    expect(invitableRoles("OWNER")).toEqual(["OWNER", "ADMIN", "MENTOR", "MEMBER"]);
    expect(invitableRoles("ADMIN")).toEqual(["MENTOR", "MEMBER"]);
    expect(invitableRoles("MENTOR")).toEqual([]);
    expect(invitableRoles("MEMBER")).toEqual([]);
    expect(inviteRefusal("ADMIN", "OWNER")).toBe("Only owners can invite an owner.");
    expect(inviteRefusal("ADMIN", "ADMIN")).toBe("Only owners can invite an admin.");
  });
});

describe("maskEmail", () => {
  it("keeps the first and last character of the local part and the domain", () => {
    expect(maskEmail("katherine@example.test")).toBe("k***e@example.test");
    expect(maskEmail("al@example.test")).toBe("a***@example.test");
  });
});
