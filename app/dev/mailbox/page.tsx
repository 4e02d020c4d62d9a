import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { mailboxAllowed } from "@/lib/email/mailbox-access";
import { listMailbox, MAILBOX_PAGE_SIZE } from "@/lib/email/mailbox";
import { Time } from "@/components/ui/time";

export const metadata: Metadata = { title: "Development mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

/** Emails Cairn stored instead of sending (no RESEND_API_KEY), newest first. Development or a local trial only, loopback only. */
export default async function MailboxPage() {
  // Development or a local trial only, and only to a browser on this machine (lib/email/mailbox-access.ts).
  if (!mailboxAllowed(await headers(), getConfig())) notFound();
  const messages = await listMailbox(getDb());
  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight">Development mailbox</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        RESEND_API_KEY is not set, so Cairn keeps the emails it would send here instead of sending them. Set the key to send real email; this page then
        disappears. It exists only in development or a local trial (npm start without a database), and only for a browser on this machine.
      </p>
      {messages.length === 0 ? (
        <p className="mt-8 rounded-xl border border-dashed border-border px-4 py-10 text-center text-muted-foreground">
          No emails yet. Ask for a password reset or invite someone, and the email shows up here.
        </p>
      ) : (
        <ul className="mt-6 divide-y divide-border rounded-xl border border-border bg-surface" aria-label="Emails, newest first">
          {messages.map((message) => (
            <li key={message.id}>
              <Link href={`/dev/mailbox/${message.id}`} className="flex flex-col gap-0.5 px-4 py-3 hover:bg-surface-muted sm:flex-row sm:items-baseline sm:gap-4">
                <span className="font-medium text-link">{message.subject}</span>
                <span className="text-sm text-muted-foreground">to {message.to}</span>
                <span className="text-sm text-muted-foreground sm:ml-auto">
                  <Time value={message.createdAt} format="dateTimeSeconds" /> · {message.kind}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {messages.length === MAILBOX_PAGE_SIZE ? <p className="mt-3 text-sm text-muted-foreground">Showing the newest {MAILBOX_PAGE_SIZE} emails.</p> : null}
    </div>
  );
}
