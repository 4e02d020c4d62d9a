"use client";

import { ErrorMessage } from "@/components/layout/error-message";

// retry() re-fetches the segment from the server before re-rendering; reset() would only
// re-render what the client already has, which cannot fix an error from a Server Component.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorMessage error={error} retry={retry} />;
}
