/**
 * Password sign-in through next-auth's real credentials provider, and the
 * pinned argon2id parameters (decision 0017): a hash made with other parameters
 * still signs in, and is then stored again with today's.
 */
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { userFromCookieHeader } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { postAuthAction } from "./next-auth-client";

const PASSWORD = "granite kettle aurora 38";

async function accountWithOlderHash() {
  const passwordHash = await hash(PASSWORD, { memoryCost: 4096, timeCost: 3, parallelism: 1 });
  return getDb().user.create({ data: { email: `older-hash-${randomUUID().slice(0, 8)}@example.test`, name: "Older Hash", passwordHash } });
}

describe("password sign-in with a hash made with other argon2 parameters", () => {
  it("signs in and stores a fresh hash with the pinned parameters; a wrong password changes nothing", async () => {
    const user = await accountWithOlderHash();
    const wrong = await postAuthAction("callback", "credentials", { email: user.email, password: `${PASSWORD}!` });
    expect(wrong.sessionCookie).toBeNull();
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);

    const { sessionCookie } = await postAuthAction("callback", "credentials", { email: user.email, password: PASSWORD });
    expect(await userFromCookieHeader(sessionCookie)).toMatchObject({ id: user.id });
    const stored = (await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!;
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    // The fresh hash is of the same password, and the session stays valid (no session-version change).
    expect((await postAuthAction("callback", "credentials", { email: user.email, password: PASSWORD })).sessionCookie).not.toBeNull();
    expect(await userFromCookieHeader(sessionCookie)).not.toBeNull();
  });
});
