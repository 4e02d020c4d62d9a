import { hash } from "@node-rs/argon2";
import type { Algorithm } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, PASSWORD_HASH_OPTIONS, verifyPassword } from "./password-hash";

const PASSWORD = "cobalt meadow lantern 64";

describe("password hashing (argon2id, pinned parameters)", () => {
  it("produces argon2id hashes that carry the pinned memory, time and parallelism", async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(PASSWORD_HASH_OPTIONS).toEqual({ algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(await verifyPassword(stored, PASSWORD)).toBe(true);
    expect(await verifyPassword(stored, `${PASSWORD}!`)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it("still accepts hashes made with other parameters or another argon2 variant, and flags them for a rehash", async () => {
    const older = await hash(PASSWORD, { memoryCost: 4096, timeCost: 3, parallelism: 1 });
    expect(older).toMatch(/^\$argon2id\$v=19\$m=4096,t=3,p=1\$/);
    expect(await verifyPassword(older, PASSWORD)).toBe(true);
    expect(needsRehash(older)).toBe(true);

    const argon2i = await hash(PASSWORD, { algorithm: 1 as Algorithm });
    expect(argon2i).toMatch(/^\$argon2i\$/);
    expect(await verifyPassword(argon2i, PASSWORD)).toBe(true);
    expect(needsRehash(argon2i)).toBe(true);
  });

  it("answers false for a malformed stored hash instead of throwing", async () => {
    expect(await verifyPassword("not a hash", PASSWORD)).toBe(false);
    expect(needsRehash("not a hash")).toBe(true);
  });
});
