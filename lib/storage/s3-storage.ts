/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2 …): what several
 * instances without a shared volume need. A PutObject is atomic by itself: a
 * reader gets the old object or the whole new one.
 */
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { assertStorageKey } from "./file-storage";
import type { FileStorage, StorageBody, StoredFile } from "./file-storage";

export type S3StorageOptions = {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** A non-AWS server, e.g. http://127.0.0.1:9000. */
  endpoint?: string;
  /** endpoint/bucket/key instead of bucket.endpoint/key: MinIO and most self-hosted servers. */
  forcePathStyle: boolean;
};

export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Since 3.729 the SDK adds CRC32 checksums to every upload by default, as aws-chunked
      // bodies with trailers for streams, which many S3-compatible servers (older MinIO, Ceph,
      // some gateways) reject. Send them only where an operation requires one: a plain
      // PUT with Content-Length and a signed payload hash, which every server understands.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      // Fail a dead endpoint in seconds instead of hanging a request handler.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  async put(key: string, body: StorageBody, options: { contentType: string; size?: number }): Promise<void> {
    assertStorageKey(key);
    const size = body instanceof Uint8Array ? body.byteLength : options.size;
    // Without a length S3 needs a multipart upload; evidence files are small enough to know theirs.
    if (size === undefined) throw new Error("S3FileStorage.put needs options.size for a stream body");
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: options.contentType, ContentLength: size }));
  }

  async get(key: string): Promise<StoredFile | null> {
    assertStorageKey(key);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!response.Body) return null;
      return { body: response.Body.transformToWebStream(), size: response.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    // S3 answers 204 whether or not the object existed.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertStorageKey(prefix);
    let removed = 0;
    let continuationToken: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${prefix}/`, ContinuationToken: continuationToken }));
      // One DeleteObject per key, a few at a time: every S3-compatible server has it (DeleteObjects needs a
      // Content-MD5 or checksum some gateways handle differently), and an organization holds hundreds of files, not millions.
      const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
      for (let start = 0; start < keys.length; start += 10) {
        await Promise.all(keys.slice(start, start + 10).map((key) => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }))));
      }
      removed += keys.length;
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
    return removed;
  }

  /** Closes the client's kept-alive connections (at shutdown, and in tests). */
  destroy(): void {
    this.client.destroy();
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404);
}
