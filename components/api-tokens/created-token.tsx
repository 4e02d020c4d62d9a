"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * The secret of a token just made: shown this once (the server keeps only its hash),
 * with a Copy button. Focus moves here so a keyboard or screen reader user lands on it.
 */
export function CreatedToken({ token, name, onDone }: { token: string; name: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <section aria-labelledby="created-token-heading" className="flex flex-col gap-3 rounded-lg border border-success/50 bg-success/10 p-4">
      <h3 id="created-token-heading" ref={headingRef} tabIndex={-1} className="font-semibold outline-none">
        Copy “{name}” now
      </h3>
      <p className="text-sm text-muted-foreground">This is the only time the token is shown. Store it like a password; if you lose it, revoke it and make another.</p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="new-token" className="min-w-0 flex-1 rounded-md border border-border bg-surface px-3 py-2 font-mono text-sm break-all select-all">
          {token}
        </code>
        <Button variant="secondary" onClick={() => void copy()}>
          Copy
        </Button>
      </div>
      <p role="status" className="text-sm">
        {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Copying failed: select the token and copy it yourself." : ""}
      </p>
      <div>
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </section>
  );
}
