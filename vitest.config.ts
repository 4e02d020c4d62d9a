import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects: unit tests beside the code (no database), and integration tests
// in tests/ that each get a fresh PostgreSQL database cloned from a migrated template.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    env: {
      NODE_ENV: "test",
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
      NEXTAUTH_URL: "http://localhost:3000",
      NEXTAUTH_SECRET: "test-secret-that-is-long-enough-for-next-auth-0123456789",
      // Evidence files written by tests go to a throw-away directory, not the project's .data.
      UPLOADS_DIR: path.join(os.tmpdir(), "cairn-test-uploads"),
      // Evidence checks never reach the real GitHub from tests (port 9 refuses at once); tests of them start the fake one.
      GITHUB_API_URL: "http://127.0.0.1:9",
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
          // The fast-check properties run hundreds of cases each: 1–5 s on a quiet 2-core
          // machine, more on a busy one. A timeout is not an assertion; speed lives in bench/.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/traces/**"],
          globalSetup: ["tests/setup/global-database.ts"],
          setupFiles: ["tests/setup/file-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Integration tests with the OpenTelemetry SDK recording to memory: it must start
        // before pg is loaded (decision 0023), so before file-database.ts, in its own project.
        extends: true,
        test: {
          name: "traces",
          include: ["tests/traces/**/*.test.ts"],
          globalSetup: ["tests/setup/global-database.ts"],
          setupFiles: ["tests/setup/tracing.ts", "tests/setup/file-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
