/**
 * The process's file storage, chosen by configuration: an S3-compatible bucket
 * when S3_BUCKET and its keys are set, else a directory (UPLOADS_DIR).
 */
import { getConfig } from "@/lib/config";
import type { UploadStorageConfig } from "@/lib/config";
import type { FileStorage } from "./file-storage";
import { LocalFileStorage } from "./local-storage";
import { S3FileStorage } from "./s3-storage";

export type { FileStorage, StorageBody, StoredFile } from "./file-storage";
export { InvalidStorageKeyError, assertStorageKey, isValidStorageKey } from "./file-storage";

export function createStorage(config: UploadStorageConfig): FileStorage {
  return config.kind === "s3" ? new S3FileStorage(config) : new LocalFileStorage(config.directory);
}

// Route handlers and server.ts may load this module in separate module graphs: share one instance.
const globalForStorage = globalThis as unknown as { __cairnStorage?: FileStorage };

export function getStorage(): FileStorage {
  globalForStorage.__cairnStorage ??= createStorage(getConfig().uploadStorage);
  return globalForStorage.__cairnStorage;
}

/** For tests and shutdown: the next getStorage() builds a new one from the configuration. */
export function resetStorage(): void {
  const storage = globalForStorage.__cairnStorage;
  if (storage instanceof S3FileStorage) storage.destroy();
  globalForStorage.__cairnStorage = undefined;
}
