import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeS3 } from "./fake-s3-server";
import type { FakeS3 } from "./fake-s3-server";
import { InvalidStorageKeyError } from "./file-storage";
import { createStorage, getStorage, resetStorage } from "./index";
import { LocalFileStorage } from "./local-storage";
import { S3FileStorage } from "./s3-storage";

const BUCKET = "cairn-evidence";
let s3: FakeS3;
let storage: S3FileStorage;

beforeAll(async () => {
  // The SDK warns once per process that its 2027 releases need Node 22 (decision 0009 tracks it): not news in a test run.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  s3 = await startFakeS3(BUCKET);
  storage = new S3FileStorage({ bucket: BUCKET, region: "eu-west-3", endpoint: s3.endpoint, forcePathStyle: true, accessKeyId: "AKIATEST", secretAccessKey: "test-secret" });
});
afterAll(async () => {
  storage.destroy();
  await s3.close();
});
beforeEach(() => {
  s3.requests.length = 0;
});

const bytesOf = async (body: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(body).arrayBuffer());
const text = (value: string) => new TextEncoder().encode(value);

/** What a plain, single-request, signed PUT looks like: what every S3-compatible server accepts. */
function expectPlainPut(body: Uint8Array) {
  const put = s3.requests.find((request) => request.method === "PUT")!;
  expect(put.headers["content-length"]).toBe(String(body.length));
  expect(put.headers["content-encoding"]).toBeUndefined();
  expect(put.headers["transfer-encoding"]).toBeUndefined();
  expect(put.headers["x-amz-trailer"]).toBeUndefined();
  expect(put.headers["x-amz-decoded-content-length"]).toBeUndefined();
  expect(Object.keys(put.headers).filter((name) => name.startsWith("x-amz-checksum-") || name.startsWith("x-amz-sdk-checksum"))).toEqual([]);
  expect(put.headers["x-amz-content-sha256"]).toMatch(/^([0-9a-f]{64}|UNSIGNED-PAYLOAD)$/);
  expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIATEST\/\d{8}\/eu-west-3\/s3\/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$/);
  expect(new Uint8Array(put.body)).toEqual(body);
}

describe("S3FileStorage against a fake S3 on loopback", () => {
  it("puts an object path-style as one plain signed PUT, with its content type", async () => {
    const body = text("# My notes\n");
    await storage.put("org/attempt/notes.md", body, { contentType: "text/markdown" });
    expect(s3.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`PUT /${BUCKET}/org/attempt/notes.md`]);
    expectPlainPut(body);
    expect(s3.requests[0]!.headers["x-amz-content-sha256"]).toBe(createHash("sha256").update(body).digest("hex"));
    expect(s3.objects.get("org/attempt/notes.md")).toEqual({ body: Buffer.from(body), contentType: "text/markdown" });
  });

  it("reads an object back with its size, and answers null for a missing one", async () => {
    const body = new Uint8Array(100_000).map((_, index) => index % 251);
    await storage.put("round/trip.bin", body, { contentType: "application/octet-stream" });
    const stored = await storage.get("round/trip.bin");
    expect(stored?.size).toBe(body.length);
    expect(await bytesOf(stored!.body)).toEqual(body);
    expect(await storage.get("round/missing.bin")).toBeNull();
  });

  it("streams a body of known size as the same plain PUT, and asks for the size otherwise", async () => {
    const body = new Uint8Array(70_000).fill(0x61);
    await storage.put("stream/a.txt", Readable.from([body.subarray(0, 30_000), body.subarray(30_000)]), { contentType: "text/plain", size: body.length });
    expectPlainPut(body);
    expect(s3.objects.get("stream/a.txt")?.body.length).toBe(body.length);
    await expect(storage.put("stream/b.txt", Readable.from([body]), { contentType: "text/plain" })).rejects.toThrow(/needs options.size/);
  });

  it("deletes an object, and deleting a missing one is fine", async () => {
    await storage.put("gone/soon.txt", text("x"), { contentType: "text/plain" });
    await storage.delete("gone/soon.txt");
    expect(s3.objects.has("gone/soon.txt")).toBe(false);
    expect(await storage.get("gone/soon.txt")).toBeNull();
    await expect(storage.delete("gone/soon.txt")).resolves.toBeUndefined();
  });

  it("deletes every object under a prefix (listed, then one DeleteObject each) and nothing beside it", async () => {
    for (const key of ["evidence/org-a/one", "evidence/org-a/two", "evidence/org-ab/three"]) await storage.put(key, text(key), { contentType: "text/plain" });
    expect(await storage.deletePrefix("evidence/org-a")).toBe(2);
    expect([...s3.objects.keys()].filter((key) => key.startsWith("evidence/"))).toEqual(["evidence/org-ab/three"]);
    expect(await storage.deletePrefix("evidence/org-a")).toBe(0);
    await storage.delete("evidence/org-ab/three");
  });

  it.each(["../escape", "/abs", "a/../b", ".hidden", "a b"])("refuses the key %j without sending anything", async (key) => {
    await expect(storage.put(key, text("x"), { contentType: "text/plain" })).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.get(key)).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toThrow(InvalidStorageKeyError);
    expect(s3.requests).toEqual([]);
  });

  it("reports a server error instead of answering null", async () => {
    const wrongBucket = new S3FileStorage({ bucket: "other-bucket", region: "eu-west-3", endpoint: s3.endpoint, forcePathStyle: true, accessKeyId: "AKIATEST", secretAccessKey: "test-secret" });
    try {
      await expect(wrongBucket.put("x", text("x"), { contentType: "text/plain" })).rejects.toThrow(/NoSuchBucket/);
    } finally {
      wrongBucket.destroy();
    }
  });
});

describe("createStorage and getStorage", () => {
  it("builds the store the configuration names", () => {
    expect(createStorage({ kind: "local", directory: ".data/uploads" })).toBeInstanceOf(LocalFileStorage);
    const bucket = createStorage({ kind: "s3", bucket: BUCKET, region: "us-east-1", accessKeyId: "a", secretAccessKey: "b", forcePathStyle: false });
    expect(bucket).toBeInstanceOf(S3FileStorage);
    (bucket as S3FileStorage).destroy();
  });

  it("shares one store per process, local by default", () => {
    resetStorage();
    const first = getStorage();
    expect(first).toBeInstanceOf(LocalFileStorage);
    expect(getStorage()).toBe(first);
    resetStorage();
    expect(getStorage()).not.toBe(first);
    resetStorage();
  });
});
