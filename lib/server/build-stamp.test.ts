import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureBuild, sourceFingerprint } from "./build-stamp";

let root: string;
let builds: number;
/** A stand-in for `next build`: what a real one leaves that the check reads. */
const build = async () => {
  builds += 1;
  await fs.mkdir(path.join(root, ".next"), { recursive: true });
  await fs.writeFile(path.join(root, ".next", "BUILD_ID"), `build-${builds}\n`);
};

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "cairn-build-stamp-"));
  builds = 0;
  await fs.mkdir(path.join(root, "app", "o"), { recursive: true });
  await fs.mkdir(path.join(root, "lib"), { recursive: true });
  await fs.writeFile(path.join(root, "app", "o", "page.tsx"), "export default function Page() {}\n");
  await fs.writeFile(path.join(root, "lib", "config.ts"), "export const a = 1;\n");
  await fs.writeFile(path.join(root, "package.json"), "{}\n");
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** Moves a file's modification time, as an edit a moment later would. */
async function touch(file: string, secondsLater = 5) {
  const { mtime } = await fs.stat(file);
  const later = new Date(mtime.getTime() + secondsLater * 1000);
  await fs.utimes(file, later, later);
}

describe("npm start's build check", () => {
  it("builds when there is no build, then not again while the sources are unchanged", async () => {
    expect(await ensureBuild(root, build)).toEqual({ built: true, reason: "no production build yet" });
    expect(await ensureBuild(root, build)).toEqual({ built: false, reason: null });
    expect(builds).toBe(1);
    expect(await ensureBuild(root, build, { force: "npm run build" })).toEqual({ built: true, reason: "npm run build" });
    expect(await ensureBuild(root, build)).toEqual({ built: false, reason: null });
  });

  it("builds again when a source file is touched, added or removed, or the lock file changes", async () => {
    await ensureBuild(root, build);
    await touch(path.join(root, "app", "o", "page.tsx"));
    expect(await ensureBuild(root, build)).toEqual({ built: true, reason: "the sources changed since the last build" });
    await fs.writeFile(path.join(root, "lib", "new-module.ts"), "export {};\n");
    expect((await ensureBuild(root, build)).built).toBe(true);
    await fs.rm(path.join(root, "lib", "new-module.ts"));
    expect((await ensureBuild(root, build)).built).toBe(true);
    await fs.writeFile(path.join(root, "package-lock.json"), "{}\n");
    expect((await ensureBuild(root, build)).built).toBe(true);
    expect(builds).toBe(5);
  });

  it("ignores what the build does not read: tests, the data folder, the build itself", async () => {
    await ensureBuild(root, build);
    await fs.writeFile(path.join(root, "lib", "config.test.ts"), "it();\n");
    await fs.mkdir(path.join(root, ".data"), { recursive: true });
    await fs.writeFile(path.join(root, ".data", "nextauth-secret"), "x\n");
    await fs.writeFile(path.join(root, "README.md"), "# Cairn\n");
    expect(await ensureBuild(root, build)).toEqual({ built: false, reason: null });
  });

  it("rebuilds a build it did not stamp (a hand-run next build), and writes no stamp when the build fails", async () => {
    await build();
    expect((await ensureBuild(root, build)).reason).toBe("the build was not made by npm start, so its sources are unknown");
    await touch(path.join(root, "lib", "config.ts"));
    const before = await sourceFingerprint(root);
    await expect(ensureBuild(root, () => Promise.reject(new Error("type error")))).rejects.toThrow("type error");
    expect(await sourceFingerprint(root)).toBe(before);
    expect((await ensureBuild(root, build)).built).toBe(true);
  });
});
