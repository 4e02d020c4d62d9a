import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("members cursor", () => {
  it.each([{ name: "Ada Lovelace", id: "cm0abc" }, { name: null, id: "cm0xyz" }, { name: "Zoë \"quoted\" ✓", id: "c1" }])("round-trips %o", (position) => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each(["", "not base64 at all!", Buffer.from("{}").toString("base64url"), Buffer.from('["a"]').toString("base64url"), Buffer.from('[1,"id"]').toString("base64url"), Buffer.from('["a",""]').toString("base64url")])(
    "refuses %j",
    (cursor) => {
      expect(decodeCursor(cursor)).toBeNull();
    },
  );
});
