import { describe, expect, it } from "vitest";
import { loadStateOf } from "./load-states-model";

const list = (items: number[]) => ({ items });
const noItems = (data: { items: number[] }) => data.items.length === 0;

describe("loadStateOf", () => {
  it("is loading before the first answer", () => {
    expect(loadStateOf({ data: undefined, isError: false }, noItems)).toBe("loading");
  });

  it("is failed when the first answer is an error", () => {
    expect(loadStateOf({ data: undefined, isError: true }, noItems)).toBe("failed");
  });

  it("tells an empty answer from one with something to show", () => {
    expect(loadStateOf({ data: list([]), isError: false }, noItems)).toBe("empty");
    expect(loadStateOf({ data: list([1]), isError: false }, noItems)).toBe("ready");
  });

  it("keeps the data on screen when a later refetch fails", () => {
    expect(loadStateOf({ data: list([1]), isError: true }, noItems)).toBe("ready");
    expect(loadStateOf({ data: list([]), isError: true }, noItems)).toBe("empty");
  });

  it("is never empty without a test for emptiness", () => {
    expect(loadStateOf({ data: list([]), isError: false })).toBe("ready");
  });
});
