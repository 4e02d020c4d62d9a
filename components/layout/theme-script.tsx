"use client";

import { themeInitScript } from "./theme";

/**
 * The script runs once, while the server HTML is parsed. On the client it is rendered as
 * text/plain so React does not warn about rendering a script it will never execute;
 * suppressHydrationWarning covers that deliberate type difference.
 * Pass a nonce if a Content-Security-Policy without 'unsafe-inline' is ever added.
 */
export function ThemeScript({ nonce }: { nonce?: string }) {
  return (
    <script
      nonce={nonce}
      type={typeof window === "undefined" ? "text/javascript" : "text/plain"}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: themeInitScript }}
    />
  );
}
