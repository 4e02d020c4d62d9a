/**
 * Reads compose.yaml as Docker Compose would (anchors, aliases, ${VAR},
 * ${VAR:-default}, ${VAR:?message}), so a test can run its services' commands
 * and environments as plain processes on a machine without a container daemon.
 */
import { readFile } from "node:fs/promises";
import { parse } from "yaml";

export interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }> | string[];
}

/** Compose's interpolation of one value (the forms compose.yaml uses). */
export function interpolate(value: string, variables: Record<string, string | undefined>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (_, name: string, operator: string | undefined, argument: string) => {
    const current = variables[name];
    const set = operator?.startsWith(":") ? current !== undefined && current !== "" : current !== undefined;
    if (operator?.endsWith("?") && !set) throw new Error(`compose.yaml needs ${name}: ${argument}`);
    if (operator?.endsWith("-") && !set) return argument;
    return current ?? "";
  });
}

export async function loadCompose(variables: Record<string, string | undefined>, file = "compose.yaml"): Promise<Record<string, ComposeService>> {
  const document = parse(await readFile(file, "utf8"), { merge: true }) as { services: Record<string, ComposeService> };
  const services: Record<string, ComposeService> = {};
  for (const [name, service] of Object.entries(document.services)) {
    const environment = Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolate(String(value), variables)]));
    services[name] = { ...service, environment };
  }
  return services;
}
