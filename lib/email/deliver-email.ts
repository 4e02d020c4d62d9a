/**
 * The one way an email leaves Cairn, called from job handlers: through Resend
 * when RESEND_API_KEY is set, otherwise into the development mailbox. Either way
 * the email's idempotency key makes a repeated delivery a no-op.
 */
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { Logger } from "@/lib/observability/logger";
import { storeInMailbox } from "./mailbox";
import type { OutgoingEmail } from "./outgoing-email";
import { sendWithResend } from "./resend-transport";

export async function deliverEmail(email: OutgoingEmail, log: Logger): Promise<{ transport: "resend" | "mailbox"; id: string }> {
  const config = getConfig();
  const subject = email.subject.replace(/[\r\n]+/g, " ");
  const message = { ...email, subject };
  if (config.RESEND_API_KEY) {
    const id = await sendWithResend(message, { apiKey: config.RESEND_API_KEY, baseUrl: config.RESEND_BASE_URL, from: config.EMAIL_FROM }, log);
    log.info({ kind: email.kind, resendId: id }, "email sent");
    return { transport: "resend", id };
  }
  const id = await storeInMailbox(getDb(), message, config.EMAIL_FROM);
  log.info({ kind: email.kind, mailboxId: id }, "email stored in the development mailbox (RESEND_API_KEY is unset)");
  return { transport: "mailbox", id };
}
