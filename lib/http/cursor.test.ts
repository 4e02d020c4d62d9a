import { describe, expect, it } from "vitest";
import { decodeCreatedAtCursor, encodeCreatedAtCursor } from "./cursor";

describe("(createdAt, id) list cursor", () => {
  it("round-trips a position", () => {
    const position = { createdAt: new Date("2026-11-26T14:00:00.123Z"), id: "cm0abc" };
    expect(decodeCreatedAtCursor(encodeCreatedAtCursor(position))).toEqual(position);
  });

  it.each(["", "garbage!", Buffer.from("{}").toString("base64url"), Buffer.from('["not a date","id"]').toString("base64url"), Buffer.from('["2026-01-01T00:00:00Z",""]').toString("base64url")])(
    "refuses %j",
    (cursor) => {
      expect(decodeCreatedAtCursor(cursor)).toBeNull();
    },
  );
});
