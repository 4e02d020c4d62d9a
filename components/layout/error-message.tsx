"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { pageFailureKind } from "./service-status";
import type { PageFailure } from "./service-status";

/**
 * What both error boundaries show. Only the digest is displayed: in production it is the
 * identifier the server logged the real error under, and the message may hold private details.
 */
export function ErrorMessage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  // The digest says nothing of the cause: ask whether Cairn is up at all (service-status.ts).
  const [kind, setKind] = useState<PageFailure>("error");
  useEffect(() => {
    console.error(error);
    let current = true;
    void pageFailureKind().then((found) => current && setKind(found));
    return () => {
      current = false;
    };
  }, [error]);

  return (
    <div className="mx-auto flex w-full max-w-xl flex-1 flex-col justify-center gap-4 px-4 py-16 sm:px-6">
      {/* An alert, because the page changed under the reader without a navigation. */}
      <div role="alert" className="flex flex-col gap-4">
        {kind === "unavailable" ? (
          <>
            <h1 className="text-3xl font-bold tracking-tight">Cairn is temporarily unavailable</h1>
            <p className="text-muted-foreground">
              Cairn cannot reach its database right now, so this page could not be shown. Nothing
              you saved is lost. Try again in a moment.
            </p>
          </>
        ) : (
          <>
            <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
            <p className="text-muted-foreground">
              This page could not be shown. It may be a brief problem on our side, so trying again
              often works.
            </p>
          </>
        )}
      </div>
      {digest ? (
        <p className="text-sm text-muted-foreground">
          If it keeps happening, quote this reference when you report it:{" "}
          <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-foreground">{digest}</code>
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => retry()}>Try again</Button>
        <Link
          href="/"
          className="inline-flex h-10 items-center rounded-md px-4 text-sm font-medium text-link underline-offset-4 hover:underline"
        >
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
