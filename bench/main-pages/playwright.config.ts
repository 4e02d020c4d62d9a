import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

// The main-pages benchmark (main-pages.bench.ts): the browser tests' Chromium and server
// set-up (e2e/support/global-setup.ts: production build, its own database), one worker.
export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: "*.bench.ts",
  fullyParallel: false,
  workers: 1,
  timeout: 600_000,
  reporter: [["list"]],
  globalSetup: "../../e2e/support/global-setup.ts",
  outputDir: "../../test-results/bench",
});
