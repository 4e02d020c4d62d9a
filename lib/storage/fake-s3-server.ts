/**
 * Test support: a tiny S3 on 127.0.0.1 that speaks path-style PutObject,
 * GetObject, HeadObject, DeleteObject and ListObjectsV2 (one page), keeps objects in memory and records
 * every request, so tests can check what the SDK really sends without a network.
 */
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer };
export type FakeS3 = {
  endpoint: string;
  objects: Map<string, { body: Buffer; contentType: string }>;
  requests: RecordedRequest[];
  close: () => Promise<void>;
};

export async function startFakeS3(bucket: string): Promise<FakeS3> {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const requests: RecordedRequest[] = [];

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const url = new URL(request.url ?? "/", "http://fake-s3");
    const method = request.method ?? "GET";
    requests.push({ method, path: url.pathname, headers: request.headers, body });

    const [, requestBucket, ...keyParts] = url.pathname.split("/");
    const key = decodeURIComponent(keyParts.join("/"));
    if (requestBucket === bucket && key === "" && method === "GET" && url.searchParams.get("list-type") === "2") {
      const prefix = url.searchParams.get("prefix") ?? "";
      const contents = [...objects.keys()].filter((name) => name.startsWith(prefix)).map((name) => `<Contents><Key>${name}</Key><Size>${objects.get(name)!.body.length}</Size></Contents>`);
      response.writeHead(200, { "Content-Type": "application/xml" });
      return response.end(`<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult><Name>${bucket}</Name><Prefix>${prefix}</Prefix><KeyCount>${contents.length}</KeyCount><IsTruncated>false</IsTruncated>${contents.join("")}</ListBucketResult>`);
    }
    if (requestBucket !== bucket || key === "") return error(response, 404, "NoSuchBucket");
    const object = objects.get(key);
    if (method === "PUT") {
      // A real server refuses a payload that does not match its signed hash; so does this one.
      const declared = request.headers["x-amz-content-sha256"];
      if (declared !== "UNSIGNED-PAYLOAD" && declared !== createHash("sha256").update(body).digest("hex")) return error(response, 400, "XAmzContentSHA256Mismatch");
      objects.set(key, { body, contentType: request.headers["content-type"] ?? "binary/octet-stream" });
      response.writeHead(200, { ETag: `"${createHash("md5").update(body).digest("hex")}"` }).end();
    } else if (method === "GET" || method === "HEAD") {
      if (!object) return error(response, 404, "NoSuchKey", method === "HEAD");
      response.writeHead(200, { "Content-Type": object.contentType, "Content-Length": object.body.length, "Last-Modified": new Date().toUTCString() });
      response.end(method === "HEAD" ? undefined : object.body);
    } else if (method === "DELETE") {
      objects.delete(key);
      response.writeHead(204).end();
    } else {
      error(response, 405, "MethodNotAllowed");
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((closeError) => (closeError ? reject(closeError) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function error(response: ServerResponse, status: number, code: string, headOnly = false) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${code}</Message><RequestId>fake</RequestId></Error>`;
  response.writeHead(status, { "Content-Type": "application/xml" });
  response.end(headOnly ? undefined : xml);
}
