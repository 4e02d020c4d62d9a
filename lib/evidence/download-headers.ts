/**
 * Serving an uploaded file back without letting its name or bytes act on our
 * origin: a file name fit for Content-Disposition (RFC 6266, with the RFC 5987
 * `filename*` for non-ASCII names), and the headers a download route sends.
 */

const MAX_NAME_LENGTH = 120;

// C0/C1 controls and DEL; bidi overrides and isolates ("invoice\u202Efdp.exe" shows as
// "invoiceexe.pdf"); zero-width characters and the BOM, which hide what a name says.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
// Quotes and semicolons would break out of a header parameter; the rest are not allowed in Windows file names.
const UNSAFE = /["'`;:*?<>|]/g;
// Device names Windows refuses as file names, whatever the extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;
const SAME_EXTENSION: Record<string, string> = { jpeg: "jpg", jpe: "jpg", htm: "html", markdown: "md" };

const normalizedExtension = (extension: string) => SAME_EXTENSION[extension.toLowerCase()] ?? extension.toLowerCase();

/**
 * A file name safe to show and to put in Content-Disposition: the last path segment
 * of `name`, without control, invisible or quoting characters, at most 120 characters.
 * With `extension` (from sniffFileType), a name whose extension differs gets it appended
 * ("report.pdf" holding text → "report.pdf.txt"), so the saved file opens as what it is.
 */
export function safeDownloadName(name: string, extension?: string): string {
  const base = name.normalize("NFC").split(/[\\/]/).pop() ?? "";
  let safe = base.replace(INVISIBLE, "").replace(UNSAFE, "_").replace(/\s+/g, " ");
  // Leading dots hide a file; trailing dots and spaces are dropped by Windows (report.exe. → report.exe).
  safe = trimDotsAndSpaces(safe);
  if (WINDOWS_RESERVED.test(safe)) safe = `_${safe}`;
  if (safe === "") safe = "file";
  const suffix = extension && normalizedExtension(extensionOfName(safe)) !== normalizedExtension(extension) ? `.${extension}` : "";
  return shorten(safe, MAX_NAME_LENGTH - suffix.length) + suffix;
}

const isDotOrSpace = (char: string) => char === "." || /\s/.test(char);

/**
 * `name` without the whitespace and dots at either end, trimmed by hand: `/[\s.]+$/` retries from
 * every dot of a long run that does not end the name, which is quadratic in the name's length, and
 * an uploaded file's name is as long as the multipart body allows (decision 0015).
 */
function trimDotsAndSpaces(name: string): string {
  let start = 0;
  let end = name.length;
  while (start < end && isDotOrSpace(name.charAt(start))) start++;
  while (end > start && isDotOrSpace(name.charAt(end - 1))) end--;
  return name.slice(start, end);
}

function extensionOfName(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1) : "";
}

/** Cuts the stem, not the extension, and never inside a surrogate pair. */
function shorten(name: string, max: number): string {
  const characters = [...name];
  if (characters.length <= max) return name;
  const extension = extensionOfName(name);
  const keep = extension.length > 0 && extension.length < 16 ? `.${extension}` : "";
  return characters.slice(0, max - [...keep].length).join("").trimEnd() + keep;
}

/**
 * `attachment; filename="report.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`: the quoted
 * ASCII form for old clients, the RFC 5987 form (preferred by every current browser) for the real name.
 */
export function contentDisposition(disposition: "inline" | "attachment", name: string): string {
  const safe = safeDownloadName(name);
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_").replace(/[\\"]/g, "_");
  const header = `${disposition}; filename="${ascii}"`;
  return ascii === safe ? header : `${header}; filename*=UTF-8''${encodeRfc5987(safe)}`;
}

/** RFC 5987 ext-value characters: encodeURIComponent leaves ' ( ) * unescaped, which attr-char does not allow. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

const INLINE_MIMES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "text/plain", "text/markdown"]);

/**
 * Headers for sending a stored evidence file. The type is the sniffed one and the browser
 * may not guess another (nosniff). Images and text may show in a tab; PDFs and ZIPs are
 * always saved (a PDF viewer runs the PDF's own scripts). The sandbox CSP gives anything that
 * still renders an opaque origin with no script, and CORP keeps other sites from embedding it.
 */
export function downloadHeaders(file: { name: string; mime: string; size: number }): Record<string, string> {
  const inline = INLINE_MIMES.has(file.mime);
  return {
    "Content-Type": file.mime.startsWith("text/") ? `${file.mime}; charset=utf-8` : file.mime,
    "Content-Length": String(file.size),
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.name),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "private, no-store",
  };
}
