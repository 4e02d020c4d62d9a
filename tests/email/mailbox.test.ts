/** The development mailbox's storage: one row per idempotency key, listed newest first. */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getMailboxMessage, listMailbox, storeInMailbox } from "@/lib/email/mailbox";

const email = (key: string, subject: string) => ({
  kind: "test",
  idempotencyKey: key,
  to: "dev@example.test",
  subject,
  html: `<p>${subject}</p>`,
  text: subject,
});

describe("the development mailbox", () => {
  it("stores an email once per idempotency key, keeping the first copy", async () => {
    const key = `test/${randomUUID()}`;
    const first = await storeInMailbox(getDb(), email(key, "First"), "Cairn <dev@cairn.localhost>");
    const second = await storeInMailbox(getDb(), email(key, "Second"), "Cairn <dev@cairn.localhost>");
    expect(second).toBe(first);
    expect(await getDb().emailMessage.count({ where: { idempotencyKey: key } })).toBe(1);
    expect(await getMailboxMessage(getDb(), first)).toMatchObject({ subject: "First", from: "Cairn <dev@cairn.localhost>", to: "dev@example.test", kind: "test" });
    expect(await getMailboxMessage(getDb(), "no-such-id")).toBeNull();
  });

  it("lists the newest emails first, without their bodies", async () => {
    const base = Date.now() + 60_000; // later than anything else in this file's database
    for (const [offset, subject] of [[0, "Oldest"], [2000, "Newest"], [1000, "Middle"]] as const) {
      const id = await storeInMailbox(getDb(), email(`test/${randomUUID()}`, subject), "Cairn <dev@cairn.localhost>");
      await getDb().emailMessage.update({ where: { id }, data: { createdAt: new Date(base + offset) } });
    }
    const listed = await listMailbox(getDb(), 3);
    expect(listed.map((message) => message.subject)).toEqual(["Newest", "Middle", "Oldest"]);
    expect(Object.keys(listed[0]!).sort()).toEqual(["createdAt", "id", "kind", "subject", "to"]);
  });
});
