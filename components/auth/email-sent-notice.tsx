import Link from "next/link";
import type { ReactNode } from "react";

/**
 * What a form shows once it has asked for an email (reset link, sign-in link):
 * the server's message, where to read mail when running locally without email,
 * and a way back.
 */
export function EmailSentNotice({ message, mailboxHint, children }: { message: string; mailboxHint: boolean; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-4">
      <p role="status" className="rounded-md border border-border bg-surface-muted px-3 py-2 text-sm">
        {message}
      </p>
      {mailboxHint ? (
        <p className="text-sm text-muted-foreground">
          Running Cairn locally without email? Open the{" "}
          <Link href="/dev/mailbox" className="text-link underline underline-offset-2">
            development mailbox
          </Link>
          .
        </p>
      ) : null}
      {children}
    </div>
  );
}
