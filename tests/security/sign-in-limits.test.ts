/**
 * Password sign-in through next-auth's credentials `authorize`: failed attempts are
 * limited per (address, account), per address, and per account from every address
 * together; the refusal names the wait in the form next-auth hands to the sign-in
 * form, and a success clears the (address, account) count.
 */
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { POST as confirmResetRoute } from "@/app/api/v1/password-resets/confirm/route";
import { hashResetToken, newResetToken, resetTokenExpiry } from "@/lib/accounts/password-reset-token";
import { authOptions } from "@/lib/auth/options";
import { issueVerificationToken } from "@/lib/auth/verification-token";
import { getDb } from "@/lib/db/client";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";
import { SIGN_IN_LIMITS } from "@/lib/security/limits";
import { signInRetryAfterSeconds, SignInRateLimitedError } from "@/lib/security/sign-in-error";
import { EMAIL_LINK_SIGN_IN_LIMITS, withSignInLimits } from "@/lib/security/sign-in-limits";
import { postAuthAction } from "../auth/next-auth-client";
import { callRoute, randomClientIp } from "../support/call-route";

const PASSWORD = "willow compass thunder 27";
const unique = () => randomUUID().slice(0, 8);

async function createAccount() {
  const email = `signin-${unique()}@example.test`;
  await getDb().user.create({ data: { email, name: "Sign-in Tester", passwordHash: await hash(PASSWORD) } });
  return email;
}

/** next-auth's credentials provider keeps our options (and so our authorize) under `options`. */
function authorize(email: string, password: string, ip: string) {
  const provider = authOptions().providers[0] as unknown as {
    options: { authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown> };
  };
  return provider.options.authorize({ email, password }, { headers: { [CLIENT_IP_HEADER]: ip } });
}

async function refusal(attempt: Promise<unknown>): Promise<SignInRateLimitedError> {
  const error = await attempt.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SignInRateLimitedError);
  return error as SignInRateLimitedError;
}

describe("sign-in rate limits", () => {
  it("refuses an account's attempts from one address after 10 failures, even with the right password", async () => {
    const email = await createAccount();
    const ip = randomClientIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.points; i++) expect(await authorize(email, "wrong password 123", ip)).toBeNull();

    const error = await refusal(authorize(email, PASSWORD, ip));
    // The message is what next-auth puts in `result.error`; the form reads the wait from it.
    expect(signInRetryAfterSeconds(error.message)).toBe(error.retryAfterSeconds);
    expect(error.retryAfterSeconds).toBeGreaterThan(SIGN_IN_LIMITS.perAccount.durationSeconds - 60);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccount.durationSeconds);

    // The same account from another address, and another account from this one, are not locked out.
    expect(await authorize(email, PASSWORD, randomClientIp())).toMatchObject({ email });
    const other = await createAccount();
    expect(await authorize(other, PASSWORD, ip)).toMatchObject({ email: other });
  });

  it("counts the email case-insensitively", async () => {
    const email = await createAccount();
    const ip = randomClientIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.points; i++) await authorize(i % 2 ? email.toUpperCase() : email, "wrong password 123", ip);
    await refusal(authorize(email, PASSWORD, ip));
  });

  it("clears the account's count after a successful sign-in", async () => {
    const email = await createAccount();
    const ip = randomClientIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.points - 1; i++) expect(await authorize(email, "wrong password 123", ip)).toBeNull();
    expect(await authorize(email, PASSWORD, ip)).toMatchObject({ email });
    // A fresh allowance: another 9 failures and a success are all answered normally.
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.points - 1; i++) expect(await authorize(email, "wrong password 123", ip)).toBeNull();
    expect(await authorize(email, PASSWORD, ip)).toMatchObject({ email });
  });

  it("refuses an address that fails across many accounts after 50 failures, whatever the account", async () => {
    const ip = randomClientIp();
    // Unknown emails cost a decoy hash like real ones, so this is the password-spraying case.
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.points; i++) expect(await authorize(`nobody-${i}-${unique()}@example.test`, "wrong password 123", ip)).toBeNull();
    const email = await createAccount();
    await refusal(authorize(email, PASSWORD, ip));
    expect(await authorize(email, PASSWORD, randomClientIp())).toMatchObject({ email });
  });

  it("refuses an account's password after 100 failures from many addresses, whatever the address; an email link and a reset still get the owner in", async () => {
    const email = await createAccount();
    const { points } = SIGN_IN_LIMITS.perAccountEverywhere;
    expect(points).toBe(100);
    // 25 addresses, 4 guesses each: under every per-address limit, so only the new limit can stop them.
    const addresses = Array.from({ length: 25 }, () => randomClientIp());
    for (let i = 0; i < points; i++) expect(await authorize(email, `wrong password ${i}`, addresses[i % addresses.length]!)).toBeNull();

    // The right password from an address never seen is refused too: the account is what is counted.
    const error = await refusal(authorize(email.toUpperCase(), PASSWORD, randomClientIp()));
    expect(error.retryAfterSeconds).toBeGreaterThan(SIGN_IN_LIMITS.perAccountEverywhere.durationSeconds - 120);
    // Other accounts, from the same addresses, are not affected.
    const other = await createAccount();
    expect(await authorize(other, PASSWORD, addresses[0]!)).toMatchObject({ email: other });

    // The owner still gets in with an email link (not counted per account)...
    const { token } = await issueVerificationToken(getDb(), "sign-in", email, 15);
    expect((await postAuthAction("callback", "email-link", { token })).sessionCookie).not.toBeNull();
    expect(EMAIL_LINK_SIGN_IN_LIMITS.perAccountEverywhere).toBeUndefined();
    await refusal(authorize(email, PASSWORD, randomClientIp()));

    // ...and a password reset clears the count: the guesses were at the old password.
    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    const resetToken = newResetToken();
    await getDb().passwordResetToken.create({ data: { userId: user.id, tokenHash: hashResetToken(resetToken), expiresAt: resetTokenExpiry() } });
    expect((await callRoute(confirmResetRoute, { body: { token: resetToken, password: "fresh harbour signal 62" } })).status).toBe(200);
    expect(await authorize(email, "fresh harbour signal 62", randomClientIp())).toMatchObject({ email });
  });

  it("does not count successful sign-ins against the address, nor against the account across addresses", async () => {
    const email = await createAccount();
    const limits = {
      perIp: { name: `test-sign-in-ip-${unique()}`, points: 2, durationSeconds: 60 },
      perAccount: { name: `test-sign-in-account-${unique()}`, points: 2, durationSeconds: 60 },
      perAccountEverywhere: { name: `test-sign-in-everywhere-${unique()}`, points: 3, durationSeconds: 60 },
    };
    const verify = () => Promise.resolve({ email });
    for (let i = 0; i < 5; i++) expect(await withSignInLimits(email, "198.51.100.107", verify, limits)).toEqual({ email });
    const fail = () => Promise.resolve(null);
    expect(await withSignInLimits(email, "198.51.100.107", fail, limits)).toBeNull();
    expect(await withSignInLimits(email, "198.51.100.107", fail, limits)).toBeNull();
    await refusal(withSignInLimits(email, "198.51.100.107", verify, limits));

    // Across addresses: successes from five addresses cost nothing, so three failures from three
    // more are still answered, and only then is the account refused, from yet another address.
    const spread = await createAccount();
    for (let i = 0; i < 5; i++) expect(await withSignInLimits(spread, `198.51.100.${110 + i}`, () => Promise.resolve({ spread }), limits)).toEqual({ spread });
    for (let i = 0; i < 3; i++) expect(await withSignInLimits(spread, `198.51.100.${120 + i}`, fail, limits)).toBeNull();
    await refusal(withSignInLimits(spread, "198.51.100.130", () => Promise.resolve({ spread }), limits));
  });

  it("allows again once the window has passed", async () => {
    const email = await createAccount();
    const limits = { perIp: { name: `test-sign-in-ip-${unique()}`, points: 50, durationSeconds: 1 }, perAccount: { name: `test-sign-in-account-${unique()}`, points: 1, durationSeconds: 1 } };
    const fail = () => Promise.resolve(null);
    expect(await withSignInLimits(email, "198.51.100.108", fail, limits)).toBeNull();
    expect((await refusal(withSignInLimits(email, "198.51.100.108", fail, limits))).retryAfterSeconds).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await withSignInLimits(email, "198.51.100.108", () => Promise.resolve({ email }), limits)).toEqual({ email });
  });
});
