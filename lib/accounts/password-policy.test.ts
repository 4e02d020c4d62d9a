import { describe, expect, it } from "vitest";
import { passwordProblems } from "./password-policy";

describe("password policy", () => {
  it("accepts a long, unremarkable password", () => {
    expect(passwordProblems("correct horse battery staple", { email: "ana@example.com", name: "Ana Silva" })).toEqual([]);
  });

  it("asks for at least 10 and at most 128 characters", () => {
    expect(passwordProblems("short1!")).toEqual(["Use at least 10 characters."]);
    expect(passwordProblems("x".repeat(129))).toEqual(["Use at most 128 characters."]);
  });

  it.each(["password123!", "Password2026", "1234567890", "qwertyuiop", "!!letmein!!"])("refuses the common password %s", (password) => {
    expect(passwordProblems(password).join(" ")).toMatch(/common|sequences/);
  });

  it("refuses repeated characters and sequences", () => {
    expect(passwordProblems("aaaaaaaaaaaa")).toContain("Avoid repeated characters and simple sequences like 1234567890.");
    expect(passwordProblems("abcdefghijkl")).toContain("Avoid repeated characters and simple sequences like 1234567890.");
  });

  it("refuses a password containing the email's local part or the name", () => {
    expect(passwordProblems("mariagonzalez-2026", { email: "mariagonzalez@example.com" })).toEqual(["Don't use your email address in your password."]);
    expect(passwordProblems("i-am-Ravi Kumar!", { name: "Ravi Kumar" })).toEqual(["Don't use your name in your password."]);
  });
});
