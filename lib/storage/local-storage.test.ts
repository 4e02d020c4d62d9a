import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidStorageKeyError } from "./file-storage";
import { LocalFileStorage } from "./local-storage";

let base: string;
let root: string;
let storage: LocalFileStorage;

beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), "cairn-storage-"));
  root = path.join(base, "uploads");
  storage = new LocalFileStorage(root);
});
afterEach(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

const bytesOf = async (body: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(body).arrayBuffer());
const text = (value: string) => new TextEncoder().encode(value);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Every entry under the root, as relative paths. */
async function listing(): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name))).sort();
}

describe("LocalFileStorage", () => {
  it("stores, reads back, replaces and deletes a file, creating directories as needed", async () => {
    expect(await storage.get("org/attempt/file.pdf")).toBeNull();
    await storage.put("org/attempt/file.pdf", text("first version"), { contentType: "application/pdf" });
    const stored = await storage.get("org/attempt/file.pdf");
    expect(stored?.size).toBe(13);
    expect(decode(await bytesOf(stored!.body))).toBe("first version");

    await storage.put("org/attempt/file.pdf", text("second"), { contentType: "application/pdf" });
    expect(decode(await bytesOf((await storage.get("org/attempt/file.pdf"))!.body))).toBe("second");
    expect(await listing()).toEqual(["org/attempt/file.pdf"]);

    await storage.delete("org/attempt/file.pdf");
    expect(await storage.get("org/attempt/file.pdf")).toBeNull();
    await expect(storage.delete("org/attempt/file.pdf")).resolves.toBeUndefined();
  });

  it("deletes every file under a prefix and nothing beside it; a missing prefix is fine", async () => {
    for (const key of ["evidence/org-a/one", "evidence/org-a/two", "evidence/org-ab/three", "evidence/org-b/four"]) await storage.put(key, text(key), { contentType: "text/plain" });
    expect(await storage.deletePrefix("evidence/org-a")).toBe(2);
    expect(await listing()).toEqual(["evidence/org-ab/three", "evidence/org-b/four"]);
    expect(await storage.deletePrefix("evidence/org-a")).toBe(0);
    await expect(storage.deletePrefix("../evidence")).rejects.toThrow(InvalidStorageKeyError);
  });

  it("writes a stream, and round-trips binary content byte for byte", async () => {
    const content = new Uint8Array(300_000).map((_, index) => (index * 7) % 256);
    const stream = Readable.from([content.subarray(0, 100_000), content.subarray(100_000)]);
    await storage.put("big.bin", stream, { contentType: "application/octet-stream" });
    const stored = await storage.get("big.bin");
    expect(stored?.size).toBe(content.length);
    expect(await bytesOf(stored!.body)).toEqual(content);
  });

  it("leaves the old file whole and no temporary file behind when a write fails", async () => {
    await storage.put("a/file.txt", text("old"), { contentType: "text/plain" });
    const failing = new Readable({
      read() {
        this.push(Buffer.from("partial new content"));
        this.destroy(new Error("client went away"));
      },
    });
    await expect(storage.put("a/file.txt", failing, { contentType: "text/plain" })).rejects.toThrow("client went away");
    expect(decode(await bytesOf((await storage.get("a/file.txt"))!.body))).toBe("old");
    expect(await listing()).toEqual(["a/file.txt"]);
  });

  it("gives concurrent writers of one key a whole file each: the reader sees one of them, never a mix", async () => {
    const versions = ["a", "b", "c", "d"].map((letter) => text(letter.repeat(200_000)));
    await Promise.all(versions.map((version) => storage.put("same/key", version, { contentType: "text/plain" })));
    const content = decode(await bytesOf((await storage.get("same/key"))!.body));
    expect(content).toMatch(/^(a+|b+|c+|d+)$/);
    expect(content).toHaveLength(200_000);
    expect(await listing()).toEqual(["same/key"]);
  });

  it.each(["../outside", "/etc/passwd", "a/../../outside", ".tmp-x", "a//b", "a\\..\\b"])("refuses the key %j for every operation", async (key) => {
    await expect(storage.put(key, text("x"), { contentType: "text/plain" })).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.get(key)).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toThrow(InvalidStorageKeyError);
    await expect(fs.readdir(base)).resolves.toEqual([]);
  });

  it("does not follow a symlinked directory out of the root", async () => {
    const outside = path.join(base, "outside");
    await fs.mkdir(outside);
    await fs.writeFile(path.join(outside, "secret.txt"), "secret");
    await fs.mkdir(root);
    await fs.symlink(outside, path.join(root, "link"));
    await expect(storage.put("link/new.txt", text("x"), { contentType: "text/plain" })).rejects.toThrow(/leads outside/);
    await expect(storage.get("link/secret.txt")).rejects.toThrow(/leads outside/);
    await expect(storage.delete("link/secret.txt")).rejects.toThrow(/leads outside/);
    expect(await fs.readdir(outside)).toEqual(["secret.txt"]);
  });

  it("does not read through a symlink in a file's place, and replaces it on write", async () => {
    const outside = path.join(base, "secret.txt");
    await fs.writeFile(outside, "secret");
    await fs.mkdir(root);
    await fs.symlink(outside, path.join(root, "file.txt"));
    await expect(storage.get("file.txt")).rejects.toThrow(/ELOOP|symbolic link/);
    await storage.put("file.txt", text("mine"), { contentType: "text/plain" });
    expect(await fs.readFile(outside, "utf8")).toBe("secret");
    expect(decode(await bytesOf((await storage.get("file.txt"))!.body))).toBe("mine");
  });

  it("answers null for a key under a file, or naming a directory", async () => {
    await storage.put("a/b", text("x"), { contentType: "text/plain" });
    expect(await storage.get("a/b/c")).toBeNull();
    expect(await storage.get("a")).toBeNull();
  });
});
