import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RepairList, sortRepairs } from "./repair-list";
import type { Repair } from "./types";

const repairAt = (line: number, column: number): Repair => ({ line, column, kind: "spacing", before: "", after: "", message: `Line ${line}, column ${column}` });

describe("RepairList", () => {
  it("property: lists the first `max` repairs by line and column, whatever order they come in, and counts them all", () => {
    const positions = fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 5 })), {
      maxLength: 200,
      selector: ([line, column]) => `${line}:${column}`,
    });
    fc.assert(
      fc.property(positions, fc.integer({ min: 1, max: 20 }), (found, max) => {
        const list = new RepairList(max);
        for (const [line, column] of found) {
          if (list.wants(line)) list.add(repairAt(line, column));
          else list.skip(1);
        }
        const all = sortRepairs(found.map(([line, column]) => repairAt(line, column)));
        expect(list.list()).toEqual(all.slice(0, max));
        expect(list.count).toBe(found.length);
      }),
      { numRuns: 500 },
    );
  });

  it("stops wanting repairs on lines past the first `max` once it has twice that many", () => {
    const list = new RepairList(2);
    for (const line of [5, 6, 7, 8]) list.add(repairAt(line, 1));
    expect(list.wants(7)).toBe(false);
    expect(list.wants(6)).toBe(true);
    expect(list.wants(1)).toBe(true);
    list.skip(3);
    expect(list.count).toBe(7);
    expect(list.list().map((repair) => repair.line)).toEqual([5, 6]);
  });
});
