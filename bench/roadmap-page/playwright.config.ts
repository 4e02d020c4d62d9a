import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

// The roadmap page benchmark (bench/roadmap-page/roadmap-page.bench.ts): the browser tests'
// Chromium and server set-up (e2e/support/global-setup.ts: production build, demo seed),
// one worker so nothing else competes for the two cores while it measures.
export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: "*.bench.ts",
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  globalSetup: "../../e2e/support/global-setup.ts",
  outputDir: "../../test-results/bench",
});
