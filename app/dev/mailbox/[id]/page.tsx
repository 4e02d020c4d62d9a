import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { EmailPreview } from "@/components/dev/email-preview";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { mailboxAllowed } from "@/lib/email/mailbox-access";
import { getMailboxMessage, linksIn } from "@/lib/email/mailbox";
import { Time } from "@/components/ui/time";

export const metadata: Metadata = { title: "Email · Development mailbox", robots: { index: false }, referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  // Development or a local trial only, and only to a browser on this machine (lib/email/mailbox-access.ts).
  if (!mailboxAllowed(await headers(), getConfig())) notFound();
  const message = await getMailboxMessage(getDb(), (await params).id);
  if (!message) notFound();
  const links = linksIn(message.text);

  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-10 sm:px-6">
      <p className="text-sm">
        <Link href="/dev/mailbox" className="text-link underline underline-offset-2">
          ← Development mailbox
        </Link>
      </p>
      <h1 className="mt-4 text-2xl font-semibold tracking-tight">{message.subject}</h1>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">From</dt>
        <dd>{message.from}</dd>
        <dt className="text-muted-foreground">To</dt>
        <dd>{message.to}</dd>
        <dt className="text-muted-foreground">Date</dt>
        <dd>
          <Time value={message.createdAt} format="dateTimeSeconds" />
        </dd>
        <dt className="text-muted-foreground">Kind</dt>
        <dd>{message.kind}</dd>
      </dl>
      {links.length > 0 ? (
        <section className="mt-6" aria-labelledby="links-heading">
          <h2 id="links-heading" className="text-sm font-semibold">
            Links in this email
          </h2>
          <ul className="mt-2 flex flex-col gap-1 text-sm">
            {links.map((link) => (
              <li key={link}>
                <a href={link} className="break-all text-link underline underline-offset-2">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <EmailPreview html={message.html} text={message.text} />
    </div>
  );
}
