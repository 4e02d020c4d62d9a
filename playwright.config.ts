import os from "node:os";
import { defineConfig } from "@playwright/test";

// Browser tests run Debian's Chromium (Playwright's own browser download is not
// reachable here) against the real custom server, built for production and
// started by e2e/support/global-setup.ts on a free port.
//
// One worker per two cores (decision 0014): each worker drives a Chromium that needs
// about a core while the server needs the rest; two workers on a 2-core machine starved
// each other into timeouts. No retries: a test that fails once is a bug to fix.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: Math.max(1, Math.floor(os.availableParallelism() / 2)),
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["./e2e/support/slowest-reporter.ts"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  globalSetup: "./e2e/support/global-setup.ts",
  outputDir: "test-results",
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
