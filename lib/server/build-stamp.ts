/**
 * Whether the production build (`.next`) is missing or stale, for `npm start` (scripts/start.ts,
 * decision 0045). Stale means a file the build reads changed since it was made.
 *
 * The check: a fingerprint of the build's inputs — every file under the source folders and the
 * configuration files below, by relative path, size and modification time (not contents: reading
 * every byte would cost more than the check is worth) — is written to `.next/cairn-build-stamp.json`
 * after a successful `next build`, and compared on the next start. Walking about two thousand files'
 * metadata takes tens of milliseconds. It works without git (an unpacked release has none), catches
 * an edit, a new or deleted file, a `git checkout` or `git pull` (they rewrite the files they
 * change, so their times change), an `npm install` that changed the lock file, and a regenerated
 * Prisma client. An edit that keeps both size and time to the millisecond is missed: only a tool
 * that sets times on purpose does that. The fingerprint is taken *before* the build runs, so an
 * edit made while it runs leaves the stamp stale and the next start builds again.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/** What `next build` reads: the app's folders and the files that configure it. */
export const BUILD_INPUTS = {
  folders: ["app", "components", "lib", "public"],
  files: ["proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json", ".env", ".env.local", ".env.production"],
};

/** Not read by the build: tests beside the code, and generated clutter. */
const IGNORED = (name: string) => /\.test\.tsx?$/.test(name) || name === ".DS_Store" || name === "node_modules";

export const STAMP_FILE = path.join(".next", "cairn-build-stamp.json");
const BUILD_ID = path.join(".next", "BUILD_ID");

async function listFiles(root: string, folder: string, into: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(path.join(root, folder), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  for (const entry of entries) {
    if (IGNORED(entry.name)) continue;
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) await listFiles(root, relative, into);
    else if (entry.isFile()) into.push(relative);
  }
}

/** The fingerprint of the build's inputs under `root`. */
export async function sourceFingerprint(root: string): Promise<string> {
  const files: string[] = [];
  for (const folder of BUILD_INPUTS.folders) await listFiles(root, folder, files);
  for (const file of BUILD_INPUTS.files) if (existsSync(path.join(root, file))) files.push(file);
  files.sort();
  const hash = createHash("sha256");
  for (const file of files) {
    const { size, mtimeMs } = await stat(path.join(root, file));
    hash.update(`${file.split(path.sep).join("/")}\0${size}\0${Math.trunc(mtimeMs)}\n`);
  }
  return hash.digest("hex");
}

/** Why a build is needed, or null when `.next` holds a build of the current sources. */
export async function buildNeeded(root: string, fingerprint: string): Promise<string | null> {
  if (!existsSync(path.join(root, BUILD_ID))) return "no production build yet";
  let stamp: { fingerprint?: unknown };
  try {
    stamp = JSON.parse(await readFile(path.join(root, STAMP_FILE), "utf8")) as { fingerprint?: unknown };
  } catch {
    // A build made by `next build` by hand (or an older Cairn): nothing says which sources it saw.
    return "the build was not made by npm start, so its sources are unknown";
  }
  return stamp.fingerprint === fingerprint ? null : "the sources changed since the last build";
}

export async function writeStamp(root: string, fingerprint: string): Promise<void> {
  await mkdir(path.join(root, ".next"), { recursive: true });
  await writeFile(path.join(root, STAMP_FILE), `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() })}\n`);
}

/**
 * Builds when needed (or always, with `force`): `build(reason)` runs `next build` and throws when it
 * fails, and then no stamp is written. The fingerprint is the one from before the build.
 */
export async function ensureBuild(root: string, build: (reason: string) => Promise<void>, options: { force?: string } = {}): Promise<{ built: boolean; reason: string | null }> {
  const fingerprint = await sourceFingerprint(root);
  const reason = options.force ?? (await buildNeeded(root, fingerprint));
  if (reason === null) return { built: false, reason };
  await build(reason);
  await writeStamp(root, fingerprint);
  return { built: true, reason };
}
