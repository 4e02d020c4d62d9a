/**
 * `npm run release:smoke -- <base URL> --email <account> --org <slug> [--origin <public origin>]`
 * with the account's password in SMOKE_PASSWORD: the smoke tests of
 * lib/release/smoke.ts against a running Cairn (after a deploy or a rollback;
 * the rollback rehearsal runs the previous release's copy of this script).
 */
import { parseArgs } from "node:util";
import { runSmokeTests } from "../lib/release/smoke";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: "string" }, org: { type: "string" }, origin: { type: "string" } },
});
const [baseUrl] = positionals;
const password = process.env.SMOKE_PASSWORD;
if (!baseUrl || !values.email || !values.org || !password) {
  console.error("Usage: SMOKE_PASSWORD=… npm run release:smoke -- <base URL> --email <account> --org <slug> [--origin <public origin>]");
  process.exit(2);
}
try {
  await runSmokeTests(baseUrl.replace(/\/$/, ""), { email: values.email, password, orgSlug: values.org, origin: values.origin }, (line) => console.log(line));
  console.log(`Smoke tests passed against ${baseUrl}.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
