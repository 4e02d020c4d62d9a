import { randomInt } from "node:crypto";
import { test as base, expect } from "@playwright/test";
import type { BrowserContext, Page } from "@playwright/test";
import { TestFactory } from "./factory";
import type { Person } from "./factory";

const SESSION_COOKIE = "next-auth.session-token";
const SESSION_DAYS = 30;

/** A new page in a browser context of its own, signed in as `person`. */
export type PageAs = (person: Person, options?: { baseURL?: string }) => Promise<Page>;

interface TestFixtures {
  /** This test's client address, sent as X-Forwarded-For by all its pages and requests (see e2e-env.ts). */
  clientAddress: string;
  /**
   * A new page in a browser context of its own, signed in as `person` without a sign-in
   * request (the factory issues the session cookie); its `request` shares the cookies.
   * Contexts are closed after the test.
   */
  pageAs: PageAs;
  /** Signs an existing page's context in as `person`, the same way. */
  signIn: (page: Page, person: Person) => Promise<void>;
}

interface WorkerFixtures {
  /** Organizations and people straight in the run's database (factory.ts). */
  factory: TestFactory;
}

/** Tests get the server started by global-setup.ts as their baseURL, and the fixtures above. */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error("E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`");
    await use(url);
  },
  factory: [
    async ({}, use) => {
      const factory = await TestFactory.start();
      await use(factory);
      await factory.stop();
    },
    { scope: "worker" },
  ],
  clientAddress: async ({}, use) => {
    await use(`10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`);
  },
  extraHTTPHeaders: async ({ extraHTTPHeaders, clientAddress }, use) => {
    await use({ ...extraHTTPHeaders, "x-forwarded-for": clientAddress });
  },
  pageAs: async ({ browser, baseURL, clientAddress, factory }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (person, options = {}) => {
      const url = options.baseURL ?? baseURL!;
      const context = await browser.newContext({
        baseURL: url,
        extraHTTPHeaders: { "x-forwarded-for": clientAddress },
        storageState: { cookies: [await sessionCookie(factory, person, url)], origins: [] },
      });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  signIn: async ({ baseURL, factory }, use) => {
    await use(async (page, person) => {
      await page.context().addCookies([await sessionCookie(factory, person, baseURL!)]);
    });
  },
});

async function sessionCookie(factory: TestFactory, person: Person, url: string) {
  return {
    name: SESSION_COOKIE,
    value: await factory.sessionToken(person),
    domain: new URL(url).hostname,
    path: "/",
    httpOnly: true,
    secure: false,
    sameSite: "Lax" as const,
    expires: Math.floor(Date.now() / 1000) + SESSION_DAYS * 24 * 60 * 60,
  };
}

export { expect };
export type { DemoCopy, Person, Team, TestFactory } from "./factory";
