import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

// The page-speed benchmark (page-speed.bench.ts): the browser tests' Chromium and server
// set-up (e2e/support/global-setup.ts: the production build on a free port, its own database),
// one worker so nothing else competes for the cores while it measures.
export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: "*.bench.ts",
  fullyParallel: false,
  workers: 1,
  timeout: 900_000,
  reporter: [["list"]],
  globalSetup: "../../e2e/support/global-setup.ts",
  outputDir: "../../test-results/bench",
});
