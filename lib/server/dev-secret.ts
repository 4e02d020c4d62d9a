import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Outside production, a missing NEXTAUTH_SECRET is generated once and kept in
 * .data/ so sessions survive restarts. Production refuses to start without one
 * (lib/config.ts).
 */
export async function ensureDevelopmentSecret(dataDir = ".data"): Promise<string> {
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
