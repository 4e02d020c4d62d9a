import { describe, expect, it } from "vitest";
import { SignInRateLimitedError, signInRetryAfterSeconds } from "./sign-in-error";

describe("signInRetryAfterSeconds", () => {
  it("reads the wait from the error next-auth passes on, and nothing from other errors", () => {
    expect(signInRetryAfterSeconds(new SignInRateLimitedError(840).message)).toBe(840);
    expect(signInRetryAfterSeconds("CredentialsSignin")).toBeNull();
    expect(signInRetryAfterSeconds("RateLimited:soon")).toBeNull();
    expect(signInRetryAfterSeconds(undefined)).toBeNull();
  });
});
