import { AppError, invalidInput } from "./errors";

/**
 * Reads a request body, refusing more than `limit` bytes without buffering them
 * (the Content-Length header can lie or be absent, so the stream is counted).
 */
export async function readBytes(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const isJson = (contentType: string) => /^application\/([\w.+-]+\+)?json\b/i.test(contentType);
export const isMultipart = (request: Request) => /^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "");

/** A JSON request body, at most `limit` bytes. An empty body reads as undefined. */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const bytes = await readBytes(request, limit);
  if (bytes.length === 0) return undefined;
  if (!isJson(request.headers.get("content-type") ?? "")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON with Content-Type: application/json.");
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError("MALFORMED_JSON", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * A multipart/form-data body of at most `limit` bytes: its text fields as an
 * object (for the endpoint's zod schema) and the files sent in `fileField`.
 * Files anywhere else, and several values for one text field, are refused.
 */
export async function readMultipartBody(request: Request, limit: number, fileField: string): Promise<{ fields: Record<string, string>; files: File[] }> {
  const bytes = await readBytes(request, limit);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "content-type": request.headers.get("content-type")! } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid multipart/form-data.");
  }
  const fields: Record<string, string> = {};
  const files: File[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") {
      if (name !== fileField) throw invalidInput(`body.${name}`, `Send files in the "${fileField}" field.`);
      files.push(value);
    } else if (name === fileField) {
      throw invalidInput(`body.${name}`, `"${fileField}" holds files, not text.`);
    } else if (name in fields) {
      throw invalidInput(`body.${name}`, `Send "${name}" once.`);
    } else {
      fields[name] = value;
    }
  }
  return { fields, files };
}

function tooLarge(limit: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than the ${limit}-byte limit.`, { limitBytes: limit });
}
