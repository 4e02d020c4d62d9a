/**
 * Files in a directory of the local disk (UPLOADS_DIR, default .data/uploads):
 * the default, fine for one instance or several sharing a volume. A key maps to
 * a path under the root; writes go to a temporary file in the same directory,
 * are flushed, then renamed over the target, so readers see the old file or the
 * whole new one. Paths are checked to stay under the root, symlinks included.
 */
import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { assertStorageKey } from "./file-storage";
import type { FileStorage, StorageBody, StoredFile } from "./file-storage";

const isMissing = (error: unknown) => error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");

export class LocalFileStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  // The content type is not kept: the caller stores the sniffed type with the file's row.
  async put(key: string, body: StorageBody, _options: { contentType: string; size?: number }): Promise<void> {
    const target = this.pathOf(key);
    const directory = path.dirname(target);
    await fs.mkdir(directory, { recursive: true, mode: 0o750 });
    await this.assertInsideRoot(directory);
    const temporary = path.join(directory, `.tmp-${randomUUID()}`);
    // "wx": never reuse (or follow a symlink planted at) an existing path.
    const handle = await fs.open(temporary, "wx", 0o640);
    try {
      if (body instanceof Uint8Array) await handle.writeFile(body);
      else for await (const chunk of body as AsyncIterable<Uint8Array | string>) await handle.write(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      // Flushed before the rename, so a crash cannot leave a complete-looking name over partial bytes.
      await handle.sync();
      await handle.close();
      await fs.rename(temporary, target);
    } catch (error) {
      await handle.close().catch(() => {});
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredFile | null> {
    const target = this.pathOf(key);
    let handle: fs.FileHandle;
    try {
      await this.assertInsideRoot(path.dirname(target));
      // O_NOFOLLOW: a symlink in the file's own place is refused, not followed.
      handle = await fs.open(target, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      return null;
    }
    const stream = handle.createReadStream({ autoClose: true });
    return { body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, size: stat.size };
  }

  async delete(key: string): Promise<void> {
    const target = this.pathOf(key);
    try {
      await this.assertInsideRoot(path.dirname(target));
      await fs.unlink(target);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  async deletePrefix(prefix: string): Promise<number> {
    const directory = this.pathOf(prefix);
    try {
      await this.assertInsideRoot(directory);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    const entries = await fs.readdir(directory, { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile() && !entry.name.startsWith(".")).length;
    // A key prefix is a directory here: removing it removes its files and any half-written temporaries.
    await fs.rm(directory, { recursive: true, force: true });
    return files;
  }

  /** The key's path. The key's syntax already rules out "..", so this check is a second lock. */
  private pathOf(key: string): string {
    assertStorageKey(key);
    const target = path.resolve(this.root, ...key.split("/"));
    if (!target.startsWith(this.root + path.sep)) throw new Error(`Storage key ${key} resolves outside ${this.root}`);
    return target;
  }

  /** A directory inside the root may itself be a symlink to elsewhere: compare real paths. */
  private async assertInsideRoot(directory: string): Promise<void> {
    const [realRoot, realDirectory] = await Promise.all([fs.realpath(this.root), fs.realpath(directory)]);
    if (realDirectory !== realRoot && !realDirectory.startsWith(realRoot + path.sep)) {
      throw new Error(`Storage directory ${directory} leads outside ${this.root}`);
    }
  }
}
