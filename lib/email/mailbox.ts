/**
 * The development mailbox: with no RESEND_API_KEY, emails are stored in
 * EmailMessage instead of sent, and /dev/mailbox shows them, so a newcomer
 * running Cairn locally can open an invitation or a reset link.
 */
import type { Db, DbClient } from "@/lib/db/client";
import type { OutgoingEmail } from "./outgoing-email";

/** Stores the email once per idempotency key (a repeated job finds it already there). */
export async function storeInMailbox(db: DbClient, email: OutgoingEmail, from: string): Promise<string> {
  const stored = await db.emailMessage.upsert({
    where: { idempotencyKey: email.idempotencyKey },
    update: {},
    create: { kind: email.kind, idempotencyKey: email.idempotencyKey, from, to: email.to, subject: email.subject, html: email.html, text: email.text },
    select: { id: true },
  });
  return stored.id;
}

export const MAILBOX_PAGE_SIZE = 100;

/** Newest first. */
export function listMailbox(db: Db, limit = MAILBOX_PAGE_SIZE) {
  return db.emailMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, to: true, subject: true, createdAt: true },
  });
}

export function getMailboxMessage(db: Db, id: string) {
  return db.emailMessage.findUnique({ where: { id } });
}

/** The http(s) links of a plain-text email, in order, without repeats: the mailbox lists them as real links. */
export function linksIn(text: string): string[] {
  const links = text.match(/https?:\/\/[^\s<>"]+/g) ?? [];
  return [...new Set(links.map(withoutTrailingPunctuation))].filter((link) => URL.canParse(link));
}

/**
 * A link without the sentence punctuation after it, trimmed by hand: `/[.,;:!?)]+$/` retries from
 * every mark of a long run that does not end the link, which is quadratic (decision 0015).
 */
function withoutTrailingPunctuation(link: string): string {
  let end = link.length;
  while (end > 0 && ".,;:!?)".includes(link.charAt(end - 1))) end--;
  return link.slice(0, end);
}
