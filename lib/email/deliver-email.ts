/**
 * The one way an email leaves Cairn, called from job handlers, by the configured
 * transport (lib/config.ts, EMAIL_TRANSPORT): through Resend; into the
 * development mailbox; or only a log line. Either way the email's idempotency
 * key makes a repeated delivery a no-op.
 */
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { countEmail } from "@/lib/observability/domain-metrics";
import type { Logger } from "@/lib/observability/logger";
import { storeInMailbox } from "./mailbox";
import type { OutgoingEmail } from "./outgoing-email";
import { sendWithResend } from "./resend-transport";

export type EmailTransport = "resend" | "mailbox" | "log";

export async function deliverEmail(email: OutgoingEmail, log: Logger): Promise<{ transport: EmailTransport; id: string }> {
  // Counted per attempt (cairn_emails_sent_total / cairn_emails_failed_total): a failure is retried by its job.
  try {
    const delivered = await deliverByTransport(email, log);
    countEmail(email.kind, delivered.transport, "sent");
    return delivered;
  } catch (error) {
    countEmail(email.kind, getConfig().emailTransport, "failed");
    throw error;
  }
}

async function deliverByTransport(email: OutgoingEmail, log: Logger): Promise<{ transport: EmailTransport; id: string }> {
  const config = getConfig();
  const subject = email.subject.replace(/[\r\n]+/g, " ");
  const message = { ...email, subject };
  switch (config.emailTransport) {
    case "resend": {
      if (!config.RESEND_API_KEY) throw new Error("EMAIL_TRANSPORT is resend but RESEND_API_KEY is unset"); // the config refuses this; for the type
      const id = await sendWithResend(message, { apiKey: config.RESEND_API_KEY, baseUrl: config.RESEND_BASE_URL, from: config.EMAIL_FROM }, log);
      log.info({ kind: email.kind, resendId: id }, "email sent");
      return { transport: "resend", id };
    }
    case "log":
      // Metadata only: the body holds the links (sign-in, reset, invitation tokens), which must not reach the logs.
      log.info({ kind: email.kind, to: email.to, subject, idempotencyKey: email.idempotencyKey }, "email not sent (EMAIL_TRANSPORT=log): its metadata only");
      return { transport: "log", id: email.idempotencyKey };
    case "mailbox": {
      // The config never picks the mailbox in production; this guards the rule where the rows are written.
      if (config.NODE_ENV === "production") throw new Error("refusing to store an email in the development mailbox in production");
      const id = await storeInMailbox(getDb(), message, config.EMAIL_FROM);
      log.info({ kind: email.kind, mailboxId: id }, "email stored in the development mailbox");
      return { transport: "mailbox", id };
    }
  }
}
