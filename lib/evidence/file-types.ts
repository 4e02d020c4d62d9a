/**
 * Which uploaded files are accepted as evidence, decided by their CONTENT: the
 * name a browser sends is whatever the user (or an attacker) typed. Accepted:
 * PNG, JPEG, GIF, WebP, PDF, ZIP, and UTF-8 text. Everything else is refused,
 * and an executable gets a message that says so even when it is named report.pdf.
 *
 * Small magic-number checks rather than the file-type package: its current major
 * needs Node ≥ 22 (we run 20), and it runs a parser for ~150 formats (ZIP inflate,
 * ASF, MKV …) on untrusted bytes, which is where its 2026 DoS advisories were;
 * these checks read a few bytes at fixed offsets (docs/decisions/0009-evidence-content-safety.md).
 */
import { safeDownloadName } from "./download-headers";

/** One file. The API should refuse a larger body before reading it all. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** All files of one attempt together. */
export const MAX_ATTEMPT_BYTES = 25 * 1024 * 1024;
export const MAX_FILES_PER_ATTEMPT = 5;

export const ALLOWED_FILE_MIMES = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "application/zip", "text/plain", "text/markdown"] as const;
export type AllowedFileMime = (typeof ALLOWED_FILE_MIMES)[number];

export type SniffedFileType = { ok: true; mime: AllowedFileMime; extension: string } | { ok: false; message: string };

type Signature = { mime: AllowedFileMime; extension: string; test: (bytes: Uint8Array) => boolean };

const ascii = (bytes: Uint8Array, offset: number, text: string) => [...text].every((char, index) => bytes[offset + index] === char.charCodeAt(0));
const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0) => prefix.every((byte, index) => bytes[offset + index] === byte);

const BINARY_SIGNATURES: readonly Signature[] = [
  { mime: "image/png", extension: "png", test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && ascii(b, 12, "IHDR") },
  { mime: "image/jpeg", extension: "jpg", test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { mime: "image/gif", extension: "gif", test: (b) => ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a") },
  { mime: "image/webp", extension: "webp", test: (b) => ascii(b, 0, "RIFF") && ascii(b, 8, "WEBPVP8") },
  { mime: "application/pdf", extension: "pdf", test: (b) => ascii(b, 0, "%PDF-") },
  // A local file header, or the end record of an empty archive. Jars, Office files and
  // the like are ZIPs too: they are accepted, and served, as .zip.
  { mime: "application/zip", extension: "zip", test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]) },
];

// Programs a computer runs: ELF (Linux), PE/MZ (Windows), Mach-O thin and fat (macOS;
// CAFEBABE is also a Java class), WebAssembly. Only to name them in the refusal: being
// binary and not on the list above already refuses them.
const EXECUTABLE_SIGNATURES: readonly (readonly number[])[] = [
  [0x7f, 0x45, 0x4c, 0x46],
  [0x4d, 0x5a],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
  [0xca, 0xfe, 0xba, 0xbf],
  [0x00, 0x61, 0x73, 0x6d],
];

/**
 * Text keeps its name's extension only when no stock desktop runs a file of that type
 * on a double-click (so no .js, .bat, .vbs, .hta, .ps1, .html, .svg …); any other text is
 * served as .txt. Shell and Python scripts stay: they are common evidence, a download has
 * no execute bit, and they open in an editor by default.
 */
const TEXT_EXTENSIONS = new Set(
  [
    ...["txt", "text", "md", "markdown", "log", "json", "jsonl", "ndjson", "csv", "tsv", "yaml", "yml", "toml", "ini", "cfg", "conf", "properties"],
    ...["sql", "graphql", "gql", "proto", "prisma", "tf", "hcl", "diff", "patch", "rst", "adoc", "tex", "ipynb", "lock"],
    ...["py", "pyi", "rb", "go", "rs", "java", "kt", "kts", "scala", "swift", "c", "h", "cc", "cpp", "hpp", "cs", "php", "lua", "r", "dart"],
    ...["ts", "tsx", "mts", "cts", "mjs", "cjs", "jsx", "vue", "svelte", "css", "scss", "sass", "less", "sh", "bash", "zsh", "fish"],
  ],
);
const MARKDOWN_EXTENSIONS = new Set(["md", "markdown"]);

const ALLOWED_SUMMARY = "a PDF, an image (PNG, JPEG, GIF or WebP), a ZIP archive or a UTF-8 text file";

/** The lower-cased extension of a file name, without the dot ("" when it has none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/**
 * The type of an uploaded file, from its bytes. `extension` is the one its content
 * deserves (a JPEG named photo.png is jpg); serve the file with `mime`, never with
 * the type the browser declared.
 */
export function sniffFileType(bytes: Uint8Array, declaredName: string): SniffedFileType {
  const shown = safeDownloadName(declaredName);
  if (bytes.length === 0) return { ok: false, message: `${shown} is empty.` };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, message: `${shown} is larger than ${formatBytes(MAX_FILE_BYTES)}.` };
  const binary = BINARY_SIGNATURES.find((signature) => signature.test(bytes));
  if (binary) return { ok: true, mime: binary.mime, extension: binary.extension };
  // Text before executables: a note that happens to start with "MZ" is text, and a real
  // executable always holds NUL bytes, so it is never taken for text.
  if (isUtf8Text(bytes)) {
    const declared = extensionOf(declaredName);
    const extension = TEXT_EXTENSIONS.has(declared) ? declared : "txt";
    return { ok: true, mime: MARKDOWN_EXTENSIONS.has(extension) ? "text/markdown" : "text/plain", extension };
  }
  if (EXECUTABLE_SIGNATURES.some((signature) => startsWith(bytes, signature))) {
    return { ok: false, message: `${shown} is not an allowed file type: its content is an executable.` };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, message: `${shown} is UTF-16 text: save it as UTF-8 and upload it again.` };
  }
  return { ok: false, message: `${shown} is not an allowed file type. Upload ${ALLOWED_SUMMARY}.` };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Valid UTF-8 (a BOM is fine) without NUL bytes, the mark of binary data. */
function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Checks the count and sizes of one attempt's files before their contents are read. */
export function checkAttemptFiles(files: readonly { name: string; size: number }[]): { ok: true } | { ok: false; message: string } {
  if (files.length > MAX_FILES_PER_ATTEMPT) return { ok: false, message: `Attach at most ${MAX_FILES_PER_ATTEMPT} files to one attempt.` };
  const large = files.find((file) => file.size > MAX_FILE_BYTES);
  if (large) return { ok: false, message: `${safeDownloadName(large.name)} is larger than ${formatBytes(MAX_FILE_BYTES)}.` };
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > MAX_ATTEMPT_BYTES) return { ok: false, message: `The files add up to more than ${formatBytes(MAX_ATTEMPT_BYTES)}, the limit for one attempt.` };
  return { ok: true };
}

/** 10485760 → "10 MiB": limits are whole mebibytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}
