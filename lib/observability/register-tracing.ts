/**
 * server.ts's first import: starts tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set)
 * before any other module is evaluated, so that `pg` and `http` are loaded after the
 * instrumentations hook them. ES modules are evaluated in import order, so this runs
 * before `next`, `pg` and the rest of server.ts's imports. The variables may come
 * from `.env`, which server.ts otherwise reads only after its imports.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import type { startTracing as StartTracing } from "./tracing";
import { tracingTarget } from "./tracing-config";

if (existsSync(".env")) process.loadEnvFile(".env");
// A bad value is left to parseConfig, which names it with the others and stops the start.
const target = (() => {
  try {
    return tracingTarget(process.env);
  } catch {
    return null;
  }
})();
if (target) {
  // Loaded only when tracing is on; synchronously (not a top-level await), so that this
  // module has finished, the hooks in place, before server.ts's next import is evaluated.
  const { startTracing } = createRequire(import.meta.url)("./tracing") as { startTracing: typeof StartTracing };
  startTracing(process.env);
}
