import { afterEach, describe, expect, it, vi } from "vitest";
import { AccessNoticeLedger, EVERYONE, RETAIN_MS, memberNotice, noticeKey, noticeKeys, parseAccessNotice } from "./access-notices";

describe("access notices", () => {
  it("read the three payloads the channel carries, and nothing else", () => {
    expect(parseAccessNotice(memberNotice("org1", "user1"))).toEqual({ kind: "member", organizationId: "org1", userId: "user1" });
    expect(parseAccessNotice("user:user1:7")).toEqual({ kind: "user", userId: "user1", sessionVersion: 7 });
    expect(parseAccessNotice("session:AbC-_9")).toEqual({ kind: "session", sessionId: "AbC-_9" });
    for (const junk of ["", "org1:user1", "member:org1", "member::user1", "user:user1:", "user:user1:x", "user:user1:-1", "session:", "session:a:b", "other:x"]) {
      expect(parseAccessNotice(junk)).toBeNull();
    }
  });

  it("name a socket by every notice that concerns it", () => {
    expect(noticeKeys({ userId: "u", sessionId: "s", organizationId: "o" })).toEqual([EVERYONE, "user:u", "session:s", "member:o:u"]);
    expect(noticeKeys({ userId: "u", sessionId: "s", organizationId: null })).toEqual([EVERYONE, "user:u", "session:s"]);
    expect(noticeKey({ kind: "user", userId: "u", sessionVersion: 3 })).toBe("user:u");
    expect(noticeKey({ kind: "session", sessionId: "s" })).toBe("session:s");
    expect(noticeKey({ kind: "member", organizationId: "o", userId: "u" })).toBe("member:o:u");
  });
});

describe("the notice ledger", () => {
  afterEach(() => vi.useRealTimers());

  it("tells a handshake about the notices concerning it that came after its mark, not before", () => {
    const ledger = new AccessNoticeLedger();
    ledger.record("user:u");
    const mark = ledger.mark();
    expect(ledger.changedSince(mark, ["user:u", "session:s"])).toBe(false);
    ledger.record("user:other");
    expect(ledger.changedSince(mark, ["user:u", "session:s"])).toBe(false);
    ledger.record("session:s");
    expect(ledger.changedSince(mark, ["user:u", "session:s"])).toBe(true);
    // A key noticed before the mark and again after it counts from the latest.
    const later = ledger.mark();
    ledger.record("user:u");
    expect(ledger.changedSince(later, ["user:u"])).toBe(true);
  });

  it("forgets notices after RETAIN_MS, and treats a mark older than that as changed", () => {
    vi.useFakeTimers();
    const ledger = new AccessNoticeLedger();
    const old = ledger.mark();
    ledger.record("user:u");
    vi.advanceTimersByTime(RETAIN_MS + 1);
    // The old mark could have missed a forgotten notice: changed, to be safe.
    expect(ledger.changedSince(old, ["user:nobody"])).toBe(true);
    const mark = ledger.mark();
    ledger.record("user:v");
    // "user:u" was dropped on the way; the new notice is there.
    expect(ledger.changedSince(mark, ["user:u"])).toBe(false);
    expect(ledger.changedSince(mark, ["user:v"])).toBe(true);
  });
});
