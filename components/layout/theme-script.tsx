"use client";

import { themeInitScript } from "./theme";

/**
 * The script runs once, while the server HTML is parsed. On the client it is rendered as
 * text/plain so React does not warn about rendering a script it will never execute;
 * suppressHydrationWarning covers that deliberate type difference, and the nonce, which
 * browsers hide from the DOM once the page has parsed. The nonce is the request's CSP nonce
 * (proxy.ts, read by the root layout): without it the policy refuses this inline script.
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
