/**
 * Sends through Resend's API with the email's idempotency key, so a job that is
 * retried after Resend accepted the first attempt (the worker died, or the
 * completion was lost) does not send a second copy.
 */
import { Resend } from "resend";
import type { Logger } from "@/lib/observability/logger";
import type { OutgoingEmail } from "./outgoing-email";

export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
    readonly resendName: string,
  ) {
    super(message);
    this.name = "EmailSendError";
  }
}

export interface ResendSettings {
  apiKey: string;
  /** Resend's API, or a fake one in tests; unset: the SDK's default (or RESEND_BASE_URL). */
  baseUrl?: string;
  from: string;
}

/** Resolves with Resend's email id; throws EmailSendError when Resend refuses or cannot be reached (the job retries). */
export async function sendWithResend(email: OutgoingEmail, settings: ResendSettings, log: Logger): Promise<string> {
  // Constructed per send: it is a plain object (no connection), and settings come from the config.
  const resend = new Resend(settings.apiKey, settings.baseUrl ? { baseUrl: settings.baseUrl } : undefined);
  const { data, error } = await resend.emails.send(
    { from: settings.from, to: [email.to], subject: email.subject, html: email.html, text: email.text, tags: [{ name: "kind", value: email.kind.replace(/[^\w-]/g, "_") }] },
    { idempotencyKey: email.idempotencyKey },
  );
  if (data) return data.id;
  // The key was used with a different payload: the first attempt was accepted (and went out),
  // only the rendering changed since (e.g. a deploy between retries). Sending again would duplicate it.
  if (error?.name === "invalid_idempotent_request") {
    log.warn({ idempotencyKey: email.idempotencyKey }, "Resend already accepted this email with other content; not sending it again");
    return `duplicate:${email.idempotencyKey}`;
  }
  throw new EmailSendError(`Resend refused the email: ${error?.name ?? "unknown"}: ${error?.message ?? "no detail"}`, error?.statusCode ?? null, error?.name ?? "unknown");
}
