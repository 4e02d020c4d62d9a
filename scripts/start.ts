/**
 * `npm start`: Cairn at its real speed (decision 0045). Builds the production bundle when it
 * is missing or stale (lib/server/build-stamp.ts), then runs the production server in this
 * process (server.ts), so signals reach it as they did before.
 *
 * Without DATABASE_URL this is a local trial: the embedded PostgreSQL, migrated, with the demo
 * organization and the mailbox at /dev/mailbox, as `npm run dev` has them (LOCAL_TRIAL, which
 * lib/config.ts accepts only with the embedded database on a loopback HOST).
 *
 *   npm start                 build if needed, then serve
 *   npm run build             build (always) and stamp it, then exit
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { ensureBuild } from "@/lib/server/build-stamp";

const root = process.cwd();
const buildOnly = process.argv.includes("--build-only");
if (existsSync(".env")) process.loadEnvFile(".env");

function nextBuild(): Promise<void> {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    child.once("error", reject);
    child.once("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`next build ${signal ? `was stopped by ${signal}` : `exited with ${code}`}`))));
  });
}

async function main() {
  const started = performance.now();
  let outcome;
  try {
    outcome = await ensureBuild(
      root,
      async (reason) => {
        if (!buildOnly) console.log(`\n  Building Cairn for production first (${reason}): a minute or two, once.\n`);
        await nextBuild();
      },
      buildOnly ? { force: "npm run build" } : {},
    );
  } catch (error) {
    console.error(`\n  The production build failed (${error instanceof Error ? error.message : String(error)}). Nothing was started.\n`);
    process.exit(1);
  }
  if (buildOnly) return;
  console.log(outcome.built ? `\n  Built in ${Math.round((performance.now() - started) / 1000)} s. Starting…` : "\n  The production build is up to date. Starting…");

  // The local trial is decided here, where the person typed `npm start` without a database.
  Object.assign(process.env, { NODE_ENV: "production", ...(process.env.DATABASE_URL ? {} : { LOCAL_TRIAL: process.env.LOCAL_TRIAL ?? "true" }) });
  await import("../server");
}

await main();
