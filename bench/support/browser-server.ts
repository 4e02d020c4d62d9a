/**
 * A browser benchmark run as a plain script (not through Playwright's runner): the
 * browser tests' own set-up (e2e/support/global-setup.ts: a throw-away embedded
 * PostgreSQL or TEST_DATABASE_URL, the production build served by server.ts on a free
 * port with its migrations and the demo seed) and playwright.config.ts's Chromium.
 * Needs a production build (`next build`) first.
 *
 * This process is pointed at the same database and session secret, so the factories
 * in tests/ (through bench/support/assigned-hires.ts) make people the server knows and
 * cookies it accepts. Its own NEXTAUTH_URL stays the tests' http://localhost:3000, the
 * origin the factories' in-process calls send (the cookie's name is the same for both).
 * Call setBenchEnvironment() first, and import application modules only after
 * startProductionServer().
 */
import type { Browser, BrowserContext } from "@playwright/test";
import { ROOT } from "./bench-database";

export interface ProductionServer {
  /** http://localhost:{port}: also the origin the server accepts writes from. */
  baseUrl: string;
  /** Stops the server (fails when it does not shut down cleanly), the fake Resend and the database. */
  stop: () => Promise<void>;
}

export async function startProductionServer(): Promise<ProductionServer> {
  process.chdir(ROOT); // global-setup starts `server.ts` and writes test-results/ relative to here
  const { default: globalSetup } = await import("../../e2e/support/global-setup");
  const { E2E_SECRET } = await import("../../e2e/support/e2e-env");
  const teardown = await globalSetup();
  const baseUrl = process.env.E2E_BASE_URL!;
  const env = process.env as Record<string, string | undefined>;
  env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  env.NEXTAUTH_SECRET = E2E_SECRET;
  const { resetConfig } = await import("../../lib/config");
  resetConfig();
  return {
    baseUrl,
    stop: async () => {
      const { disconnectDb } = await import("../../lib/db/client");
      await disconnectDb();
      await teardown();
    },
  };
}

/** Debian's Chromium with the browser tests' flags (playwright.config.ts), headless. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("@playwright/test");
  const { default: config } = await import("../../playwright.config");
  return chromium.launch({ ...config.use?.launchOptions, headless: true });
}

/** A browser context signed in with a session cookie header ("name=value") as the factories make them. */
export async function signedInContext(browser: Browser, baseUrl: string, cookie: string): Promise<BrowserContext> {
  const split = cookie.indexOf("=");
  const context = await browser.newContext({ baseURL: baseUrl });
  await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
  return context;
}
