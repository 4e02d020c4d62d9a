import { describe, expect, it } from "vitest";
import { preparedName } from "./prepared-statements";

describe("preparedName", () => {
  it("gives one text one name, and different texts different names", () => {
    const lock = 'SELECT status FROM "Assignment" WHERE id = $1 FOR UPDATE';
    expect(preparedName(lock)).toBe(preparedName(`${lock}`));
    expect(preparedName(lock)).not.toBe(preparedName(`${lock} `));
    expect(preparedName("SELECT 1")).not.toBe(preparedName("SELECT 2"));
  });

  it("is a valid PostgreSQL identifier, under its 63-byte limit", () => {
    const name = preparedName("SELECT $1::text");
    expect(name).toMatch(/^cairn_[A-Za-z0-9_-]{32}$/);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
  });
});
