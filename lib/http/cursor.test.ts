import { describe, expect, it } from "vitest";
import { decodeCreatedAtCursor, decodeCursorParts, encodeCreatedAtCursor, encodeCursorParts } from "./cursor";

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

  // Forged positions the OpenAPI fuzz sent (decision 0021): each reached PostgreSQL and answered 500.
  it.each([
    ["a NUL in the id", ["2026-01-01T00:00:00.000Z", "c\u0000id"]],
    ["an unpaired surrogate in the id", ["2026-01-01T00:00:00.000Z", "c\ud800"]],
    ["year 0000", ["0000-01-01T00:00:00.000Z", "cid"]],
    ["JavaScript's last instant", ["+275760-09-13T00:00:00.000Z", "cid"]],
    ["JavaScript's first instant", ["-271821-04-20T00:00:00.000Z", "cid"]],
    ["a time that is not as written", ["2026-02-30T00:00:00.000Z", "cid"]],
    ["a time without milliseconds", ["2026-01-01T00:00:00Z", "cid"]],
    ["a time with an offset", ["2026-01-01T00:00:00.000+02:00", "cid"]],
  ])("refuses a position with %s", (_, parts) => {
    expect(decodeCreatedAtCursor(encodeCursorParts(parts))).toBeNull();
  });

  it("keeps accepting what it issues, in any year from 0001 to 9999", () => {
    for (const createdAt of ["0001-01-01T00:00:00.000Z", "1970-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"]) {
      expect(decodeCreatedAtCursor(encodeCreatedAtCursor({ createdAt: new Date(createdAt), id: "cm0abc" }))).toEqual({ createdAt: new Date(createdAt), id: "cm0abc" });
    }
  });
});

describe("cursor parts", () => {
  it("refuses parts holding text PostgreSQL cannot take, whatever the list", () => {
    expect(decodeCursorParts(encodeCursorParts(["Ada", "cid"]), 2)).toEqual(["Ada", "cid"]);
    expect(decodeCursorParts(encodeCursorParts(["A\u0000da", "cid"]), 2)).toBeNull();
    expect(decodeCursorParts(encodeCursorParts([null, "\udfff"]), 2)).toBeNull();
  });
});
