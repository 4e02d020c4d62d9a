/**
 * Where evidence files live: one small interface, a local directory or an
 * S3-compatible bucket behind it (getStorage() in ./index.ts picks one).
 * Keys are made by the caller (e.g. `${organizationId}/${attemptId}/${randomUUID()}`),
 * never from a user's file name, and every implementation checks them first.
 */
import type { Readable } from "node:stream";

/** Bytes in memory (the usual case: uploads are sniffed whole), or a Node stream of them. */
export type StorageBody = Uint8Array | Readable;

export type StoredFile = {
  /** Consume or cancel it: an unread body holds a file descriptor or a socket. */
  body: ReadableStream<Uint8Array>;
  size: number;
};

export interface FileStorage {
  /** Writes the whole file or nothing: a reader never sees half of it. Replaces a file with the same key. */
  put(key: string, body: StorageBody, options: { contentType: string; size?: number }): Promise<void>;
  /** The file, or null when there is none under this key. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Removes every file whose key starts with `prefix` + "/" (e.g. "evidence/<organizationId>": an
   * organization's files, orphans of failed uploads included); returns how many went. Safe to repeat.
   */
  deletePrefix(prefix: string): Promise<number>;
}

export const STORAGE_KEY_MAX_LENGTH = 512;

// Segments of letters, digits, dot, dash and underscore, not starting with a dot (so no "."
// or "..", no hidden files, and no clash with the local store's ".tmp-" files). Keys mean the
// same on every file system and need no escaping in an S3 URL.
const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`Invalid storage key ${JSON.stringify(key.slice(0, 100))}: use segments of letters, digits, ".", "-" and "_" separated by "/", none starting with "." or "/".`);
    this.name = "InvalidStorageKeyError";
  }
}

export function isValidStorageKey(key: string): boolean {
  return key.length <= STORAGE_KEY_MAX_LENGTH && KEY.test(key);
}

/** Throws InvalidStorageKeyError for a key that could escape the store or mean different things on different back ends. */
export function assertStorageKey(key: string): void {
  if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(key);
}
