"use client";

import { useLayoutEffect } from "react";
import { ErrorMessage } from "@/components/layout/error-message";
import { ThemeScript } from "@/components/layout/theme-script";
import { applyThemePreference, readThemePreference } from "@/components/layout/theme";
import "./globals.css";

// Replaces the root layout when the layout itself fails, so it brings its own document,
// styles and theme: the root layout's head script never ran.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useLayoutEffect(() => {
    applyThemePreference(readThemePreference());
  }, []);

  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
        <title>Something went wrong · Cairn</title>
      </head>
      <body className="flex min-h-dvh flex-col bg-background font-sans text-foreground antialiased">
        <main className="flex flex-1 flex-col">
          <ErrorMessage error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
