import { describe, expect, it } from "vitest";
import { WriteLedger } from "./write-ledger";

type Row = { state: string };
const row = (state: string): Row => ({ state });

describe("the writes in flight", () => {
  it("a fast double toggle: the first answer does not undo the second change on screen", () => {
    const ledger = new WriteLedger<Row>();
    ledger.begin(["a"], () => null); // NOT_STARTED → DONE
    ledger.begin(["a"], () => row("DONE")); // DONE → NOT_STARTED, the screen already shows DONE
    expect(ledger.succeed(["a"], () => row("DONE"))).toEqual(new Map());
    expect(ledger.isPending("a")).toBe(true);
    expect(ledger.succeed(["a"], () => row("NOT_STARTED"))).toEqual(new Map([["a", row("NOT_STARTED")]]));
    expect(ledger.idle).toBe(true);
  });

  it("a refusal goes back to what the server last confirmed, not to an earlier change that failed", () => {
    const ledger = new WriteLedger<Row>();
    ledger.begin(["a"], () => null);
    ledger.begin(["a"], () => row("DONE"));
    // Both fail (offline after the retries): the item is back where the server has it, with no row.
    expect(ledger.fail(["a"])).toEqual(new Map());
    expect(ledger.fail(["a"])).toEqual(new Map([["a", null]]));
  });

  it("after a stored change, a later refusal goes back to that stored change", () => {
    const ledger = new WriteLedger<Row>();
    ledger.begin(["a"], () => null);
    ledger.begin(["a"], () => row("DONE"));
    ledger.succeed(["a"], () => row("DONE"));
    expect(ledger.fail(["a"])).toEqual(new Map([["a", row("DONE")]]));
  });

  it("tracks each item of a bulk write on its own", () => {
    const ledger = new WriteLedger<Row>();
    ledger.begin(["a"], () => row("IN_PROGRESS"));
    ledger.begin(["a", "b", "b"], (key) => (key === "a" ? row("DONE") : null));
    expect(ledger.fail(["a", "b"])).toEqual(new Map([["b", null]]));
    expect(ledger.succeed(["a"], () => row("IN_PROGRESS"))).toEqual(new Map([["a", row("IN_PROGRESS")]]));
    expect(ledger.idle).toBe(true);
  });

  it("ignores answers for items it does not track", () => {
    const ledger = new WriteLedger<Row>();
    expect(ledger.succeed(["x"], () => row("DONE"))).toEqual(new Map());
    expect(ledger.fail(["x"])).toEqual(new Map());
  });
});
