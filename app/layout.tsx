import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { NONCE_HEADER } from "@/lib/security/security-headers";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { ThemeScript } from "@/components/layout/theme-script";
import { Providers } from "@/components/providers";
import { ToastProvider } from "@/components/ui/toast";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    template: "%s · Cairn",
    default: "Cairn · Onboarding tracks for engineering teams",
  },
  description:
    "Assign new engineers a deep knowledge track, collect evidence of what they learned, and let mentors review it and follow progress live.",
  applicationName: "Cairn",
};

export const viewport: Viewport = {
  // Matches --background in each theme, for the browser chrome on mobile.
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  // proxy.ts's per-request nonce: the Content-Security-Policy runs only scripts that carry it.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;

  return (
    // The head script adds .dark before hydration; React must not treat that as a mismatch.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body className="flex min-h-dvh flex-col bg-background font-sans text-foreground antialiased">
        <a
          href="#main"
          // Parked above the viewport rather than sr-only, so focusing it needs no style juggling.
          className="fixed top-3 left-3 z-50 -translate-y-24 rounded-md border border-border bg-surface px-4 py-2 font-medium text-foreground shadow-lg focus:translate-y-0"
        >
          Skip to content
        </a>
        <Providers>
          <ToastProvider>
            <SiteHeader user={user ? { name: user.name, email: user.email } : null} />
            {/* tabIndex lets the skip link move focus here, not only scroll, in every browser. */}
            <main id="main" tabIndex={-1} className="flex flex-1 flex-col focus:outline-none">
              {children}
            </main>
            <SiteFooter />
          </ToastProvider>
        </Providers>
      </body>
    </html>
  );
}
