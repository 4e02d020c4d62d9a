/** What a template renders: the same message as HTML and as plain text. */
export interface EmailContent {
  subject: string;
  html: string;
  text: string;
}

export interface OutgoingEmail extends EmailContent {
  /** What the email is, e.g. "password-reset" (the mailbox shows it; logs carry it). */
  kind: string;
  /** One address. */
  to: string;
  /**
   * Stable for one logical email, e.g. "password-reset/<token id>": Resend's
   * Idempotency-Key and the mailbox's unique key, so a retried or repeated job
   * delivers it once.
   */
  idempotencyKey: string;
}
