import { test as base, expect } from "@playwright/test";

/** Tests get the server started by global-setup.ts as their baseURL. */
export const test = base.extend({
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error("E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`");
    await use(url);
  },
});

export { expect };
